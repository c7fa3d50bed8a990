-- +goose Up
-- The same article is often copied with another address: with http or
-- https, "www.", a trailing slash, a fragment or a campaign's tracking
-- parameters. url_key holds the SHA-256 (hex) of the address written one
-- way (see models.NormalizeArticleURL), so that logging an article already
-- logged is noticed with one index seek. The store writes it with every
-- new article; rows logged before this migration are filled in by the
-- store when it migrates (url_key '' until then), since the normalisation
-- is not SQL.
ALTER TABLE articles ADD COLUMN url_key TEXT NOT NULL DEFAULT '';
CREATE INDEX idx_articles_url_key ON articles (url_key, id);

-- +goose Down
DROP INDEX idx_articles_url_key;
ALTER TABLE articles DROP COLUMN url_key;
