-- +goose Up
-- A claim may appear in several works (a hearing's transcript, an
-- interview, the article it was logged from): each is a row of
-- appearances with its address, the day it appeared and, in words, where
-- (venue: "Senate confirmation hearing", "Fox News interview"). The
-- earliest is the claim's firstAppearance in ClaimReview (schema.org
-- Claim).
CREATE TABLE appearances (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    appeared_on DATE,
    venue       TEXT NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL
);
CREATE INDEX idx_appearances_claim_id ON appearances (claim_id, appeared_on);

-- The one appearance_url a claim had was "where the words can be seen or
-- heard": the moment they were said, so it appeared on the day they were.
INSERT INTO appearances (claim_id, url, appeared_on, venue, created_at)
SELECT id, appearance_url, said_at, '', created_at FROM claims WHERE appearance_url <> '' ORDER BY id;

-- The article a claim was logged from is one of its appearances too.
INSERT INTO appearances (claim_id, url, appeared_on, venue, created_at)
SELECT c.id, a.url, a.published_at, a.outlet, c.created_at
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE a.url <> c.appearance_url ORDER BY c.id;

ALTER TABLE claims DROP COLUMN appearance_url;

-- +goose Down
ALTER TABLE claims ADD COLUMN appearance_url TEXT NOT NULL DEFAULT '';
UPDATE claims SET appearance_url = coalesce((
    SELECT p.url FROM appearances p WHERE p.claim_id = claims.id
    ORDER BY p.appeared_on IS NULL, p.appeared_on, p.id LIMIT 1), '');
DROP TABLE appearances;
