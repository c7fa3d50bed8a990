-- +goose Up
-- Search in every script. The word index (document) is given each field
-- folded (compatibility decomposition, no accents, case folded), its
-- English words stemmed and runs of unspaced scripts (Chinese, Japanese,
-- Thai…) written as overlapping pairs of characters, all by the store, the
-- same way on both engines; it is built with the simple configuration,
-- which neither stems again nor leaves out stop words, as SQLite's index
-- does not. Beside it, the same folded public text (folded) and its
-- trigrams (grams, made by the store, lexemes taken as they are) in a GIN
-- index find a word inside another: the trigrams narrow the claims down,
-- the text confirms. Unlike pg_trgm, this needs no extension, does not
-- depend on the database's LC_CTYPE to know which characters are letters,
-- and finds what SQLite's trigram index finds. The index is emptied, and
-- the store indexes every claim missing from it as it migrates
-- (models.Store.Migrate).
ALTER TABLE claim_search ADD COLUMN folded TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_search ADD COLUMN grams TSVECTOR NOT NULL DEFAULT '';
DELETE FROM claim_search;
CREATE INDEX idx_claim_search_grams ON claim_search USING GIN (grams);

-- +goose Down
-- The index is emptied, for the store of before to fill.
DROP INDEX idx_claim_search_grams;
ALTER TABLE claim_search DROP COLUMN grams;
ALTER TABLE claim_search DROP COLUMN folded;
DELETE FROM claim_search;
