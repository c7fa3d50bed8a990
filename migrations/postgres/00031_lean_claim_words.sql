-- +goose Up
-- Saving faster. The substring index (claim_search's folded text and its
-- trigrams) keeps public claims only (published or retracted), the only
-- ones a public search finds: a claim gets them when it is published,
-- and its row holds empty ones until then. (SQLite's migration of this
-- number also gives the claims' words a word index of their own; here
-- the similar-claims search reads the one word index.)
UPDATE claim_search SET folded = '', grams = ''
WHERE claim_id IN (SELECT id FROM claims WHERE status NOT IN ('published', 'retracted'));

-- +goose Down
-- The store of before reads the substring index for public claims only
-- and rewrites a claim's row whenever it indexes it: nothing to undo.
SELECT 1;
