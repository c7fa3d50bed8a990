-- +goose Up
-- The interface language each user reads the desk in: a tag of one of the
-- interface languages, or '' to follow the site's choice for any reader.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN language;
