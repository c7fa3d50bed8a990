-- +goose Up
-- Rendered public pages, compressed, under the version of the data they
-- show. A cache: any row may be dropped; a row whose tag is not the page's
-- current version is never served.
CREATE TABLE page_renders (
    key         TEXT PRIMARY KEY,
    tag         TEXT NOT NULL,
    gz          BLOB NOT NULL,
    rendered_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE page_renders;
