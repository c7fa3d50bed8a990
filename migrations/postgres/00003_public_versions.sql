-- +goose Up
-- Public pages key their caches on the latest change to what they show;
-- these indexes make each "latest change" one index seek.
CREATE INDEX idx_claims_status_updated_at ON claims (status, updated_at);
CREATE INDEX idx_people_updated_at ON people (updated_at);
CREATE INDEX idx_corrections_claim_created ON corrections (claim_id, created_at);

-- +goose Down
DROP INDEX idx_corrections_claim_created;
DROP INDEX idx_people_updated_at;
DROP INDEX idx_claims_status_updated_at;
