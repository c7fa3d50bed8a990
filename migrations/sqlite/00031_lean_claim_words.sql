-- +goose Up
-- Saving faster. The claims' words alone get a word index of their own,
-- claims_words: the words of claims_fts's text column, which the store
-- writes folded and stemmed between single spaces, taken as they are
-- (the ascii tokenizer splits at the spaces and changes none of them).
-- The similar-claims search reads it without stepping over the other
-- fields' positions. claim_word_counts keeps how many of its rows hold
-- each word, which that search used to count in the index each time (a
-- millisecond for a common word); the store keeps it as it writes
-- claims_words. And the substring index (claims_trgm) keeps public claims
-- only (published or retracted), the only ones a public search finds: a
-- claim gets its entry when it is published.
CREATE VIRTUAL TABLE claims_words USING fts5(
    text,
    tokenize = 'ascii',
    columnsize = 0
);
INSERT INTO claims_words (rowid, text) SELECT rowid, text FROM claims_fts;
CREATE TABLE claim_word_counts (
    word   TEXT PRIMARY KEY,
    claims INTEGER NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.claims_words_vocab USING fts5vocab(main, claims_words, 'row');
INSERT INTO claim_word_counts (word, claims) SELECT term, doc FROM temp.claims_words_vocab;
DROP TABLE temp.claims_words_vocab;
DELETE FROM claims_trgm WHERE rowid IN (SELECT id FROM claims WHERE status NOT IN ('published', 'retracted'));

-- +goose Down
-- The store of before writes the substring entries of the claims that
-- are not public again as it migrates (it indexes every claim missing
-- from either index).
DROP TABLE claim_word_counts;
DROP TABLE claims_words;
