-- +goose Up
-- Saving faster. The claims' words alone get a word index of their own
-- (claims_words, the words of claims_fts's text column, with the same
-- tokenizer): the similar-claims search counts and reads the claims that
-- hold a word there without stepping over the other fields' positions,
-- which took it most of its time. It keeps no column sizes: nothing ranks
-- it. And the substring index (claims_trgm) keeps public claims only
-- (published or retracted), the only ones a public search finds: a claim
-- gets its entry when it is published.
CREATE VIRTUAL TABLE claims_words USING fts5(
    text,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
    columnsize = 0
);
INSERT INTO claims_words (rowid, text) SELECT rowid, text FROM claims_fts;
DELETE FROM claims_trgm WHERE rowid IN (SELECT id FROM claims WHERE status NOT IN ('published', 'retracted'));

-- +goose Down
-- The store of before writes the substring entries of the claims that
-- are not public again as it migrates (it indexes every claim missing
-- from either index).
DROP TABLE claims_words;
