-- +goose Up
-- Every public request for a claim page reads the claim's version by its
-- slug. This index answers that read alone, without visiting the claims
-- table, whose rows (quote, summary, context) are the largest in the
-- database: one b-tree instead of two on each page that memory does not
-- hold.
CREATE INDEX idx_claims_public_slug ON claims (slug, status, public_version, public_changed_ms) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public_slug;
