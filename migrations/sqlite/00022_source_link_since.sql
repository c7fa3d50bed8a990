-- +goose Up
-- What a source's last link check found, beside link_status and
-- link_error: the final answer's HTTP status (NULL when there was none)
-- and the address that gave it. link_since is when a check first found
-- the current link status: the date a public page gives for "gone
-- since", which stays put while later checks find the same
-- (link_checked_at moves with every check).
ALTER TABLE sources ADD COLUMN link_http_status INTEGER;
ALTER TABLE sources ADD COLUMN link_final_url TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN link_since DATETIME;
UPDATE sources SET link_since = link_checked_at WHERE link_status <> '';

-- +goose Down
ALTER TABLE sources DROP COLUMN link_since;
ALTER TABLE sources DROP COLUMN link_final_url;
ALTER TABLE sources DROP COLUMN link_http_status;
