-- +goose Up
-- The full-text index held each claim's newest verdict that was not
-- superseded, which may be one still in review: a public search found a
-- published claim by words no reviewer had approved, and quoted them. The
-- index now holds only the published verdict's headline and explanation;
-- rebuild it so that nothing indexed the old way stays findable.
DELETE FROM claims_fts;
INSERT INTO claims_fts (rowid, text, summary, speaker, headline, explanation)
SELECT c.id, c.text, c.summary, p.name, COALESCE(v.headline, ''), COALESCE(v.explanation, '')
FROM claims c
JOIN people p ON p.id = c.person_id
LEFT JOIN verdicts v ON v.id = (
    SELECT MAX(w.id) FROM verdicts w WHERE w.claim_id = c.id AND w.status = 'published'
);

-- The first-run setup may create the first admin once. Its one row (id 1)
-- is inserted by the setup in the same transaction as the admin, and by
-- every other creation of an account, so that a second setup, however it
-- races with the first, fails on the primary key instead of relying on a
-- count of users. A database that has accounts already is set up.
CREATE TABLE setup_lock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    locked_at DATETIME NOT NULL
);
INSERT INTO setup_lock (id, locked_at)
SELECT 1, (SELECT MIN(created_at) FROM users) WHERE EXISTS (SELECT 1 FROM users);

-- +goose Down
DROP TABLE setup_lock;
