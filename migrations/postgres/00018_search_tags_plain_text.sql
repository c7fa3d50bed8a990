-- +goose Up
-- The full-text index gains the claim's tags (weight B), so that a search
-- for a tag's word finds the claims it is on, and the published
-- explanation as the plain text its readers see rather than its Markdown,
-- which search snippets quote (SQLite's index holds it as a column too).
-- The index is emptied, and the store indexes every claim missing from it
-- as it migrates (models.Store.Migrate), since turning Markdown into text
-- is the store's work, not SQL's.
ALTER TABLE claim_search ADD COLUMN explanation TEXT NOT NULL DEFAULT '';
DELETE FROM claim_search;

-- +goose Down
ALTER TABLE claim_search DROP COLUMN explanation;
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
