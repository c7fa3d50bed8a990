-- +goose Up
-- The full-text index gains the claim's tags, so that a search for a tag's
-- word finds the claims it is on, and holds the published explanation as
-- the plain text its readers see rather than its Markdown, so that a
-- search snippet never shows raw markup ("*did not have*"). An FTS5 table
-- cannot gain a column: it is made anew, empty, and the store indexes
-- every claim missing from it as it migrates (models.Store.Migrate), since
-- turning Markdown into text is the store's work, not SQL's.
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, summary, speaker, headline, explanation, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- +goose Down
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, summary, speaker, headline, explanation,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO claims_fts (rowid, text, summary, speaker, headline, explanation)
SELECT c.id, c.text, c.summary, p.name, COALESCE(v.headline, ''), COALESCE(v.explanation, '')
FROM claims c
JOIN people p ON p.id = c.person_id
LEFT JOIN verdicts v ON v.id = (
    SELECT MAX(w.id) FROM verdicts w WHERE w.claim_id = c.id AND w.status = 'published'
);
