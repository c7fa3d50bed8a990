-- +goose Up
-- The full-text index held each claim's newest verdict that was not
-- superseded, which may be one still in review: a public search found a
-- published claim by words no reviewer had approved. The index now holds
-- only the published verdict's headline and explanation; rebuild it, with
-- the weights the store writes (models/search.go), so that nothing indexed
-- the old way stays findable.
INSERT INTO claim_search (claim_id, document)
SELECT c.id,
    setweight(to_tsvector('english', c.text), 'A') || setweight(to_tsvector('english', c.summary), 'A') ||
    setweight(to_tsvector('simple', p.name), 'B') || setweight(to_tsvector('english', COALESCE(v.headline, '')), 'B') ||
    setweight(to_tsvector('english', COALESCE(v.explanation, '')), 'C')
FROM claims c
JOIN people p ON p.id = c.person_id
LEFT JOIN verdicts v ON v.id = (
    SELECT MAX(w.id) FROM verdicts w WHERE w.claim_id = c.id AND w.status = 'published'
)
ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document;

-- The first-run setup may create the first admin once. Its one row (id 1)
-- is inserted by the setup in the same transaction as the admin, and by
-- every other creation of an account, so that a second setup, however it
-- races with the first, fails on the primary key instead of relying on a
-- count of users under a table lock. A database that has accounts already
-- is set up.
CREATE TABLE setup_lock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    locked_at TIMESTAMPTZ NOT NULL
);
INSERT INTO setup_lock (id, locked_at)
SELECT 1, (SELECT MIN(created_at) FROM users) WHERE EXISTS (SELECT 1 FROM users);

-- +goose Down
DROP TABLE setup_lock;
