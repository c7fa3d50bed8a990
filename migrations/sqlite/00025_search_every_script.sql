-- +goose Up
-- Search in every script. The word index is given each field folded
-- (compatibility decomposition, no accents, case folded), its English words
-- stemmed and runs of unspaced scripts (Chinese, Japanese, Thai…) written
-- as overlapping pairs of characters, all by the store, the same way on
-- both engines: it no longer stems (porter) and takes marks as part of a
-- word (the vowel signs of Hindi), as PostgreSQL's index does. Beside it,
-- a substring index holds the same folded public text, in trigrams, so
-- that a word is found inside another. Both are made anew, empty, and the
-- store indexes every claim missing from them as it migrates
-- (models.Store.Migrate).
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, summary, speaker, headline, explanation, tags,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
CREATE VIRTUAL TABLE claims_trgm USING fts5(
    doc, explanation UNINDEXED,
    tokenize = 'trigram case_sensitive 1'
);

-- +goose Down
-- The word index of before, empty, for the store of before to fill.
DROP TABLE claims_trgm;
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, summary, speaker, headline, explanation, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
