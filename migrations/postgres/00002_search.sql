-- +goose Up
-- Full-text index of claims: the words and summary (weight A), the speaker
-- (B), and the current verdict's headline (B) and explanation (C). The store
-- keeps it in step in the same transaction as every change to those fields.
CREATE TABLE claim_search (
    claim_id BIGINT PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX idx_claim_search_document ON claim_search USING GIN (document);

-- Speakers are looked up by name, whatever its case.
CREATE INDEX idx_people_lower_name ON people (lower(name));
CREATE INDEX idx_claims_created_by ON claims (created_by, status);

-- +goose Down
DROP INDEX idx_claims_created_by;
DROP INDEX idx_people_lower_name;
DROP TABLE claim_search;
