-- +goose Up
-- Full-text index of claims: the words, summary, speaker, and the current
-- verdict's headline and explanation. rowid is the claim id; the store keeps
-- it in step in the same transaction as every change to those fields.
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, summary, speaker, headline, explanation,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Speakers are looked up by name, whatever its case.
CREATE INDEX idx_people_lower_name ON people (lower(name));
CREATE INDEX idx_claims_created_by ON claims (created_by, status);

-- +goose Down
DROP INDEX idx_claims_created_by;
DROP INDEX idx_people_lower_name;
DROP TABLE claims_fts;
