-- +goose Up
-- Every public request for a claim page reads the claim's version by its
-- slug. This index answers that read alone (an index-only scan, which the
-- planner takes over the unique index on slug), without visiting the
-- claims table, whose rows (quote, summary, context) are the largest in
-- the database. It includes the id, which a Postgres index, unlike a
-- SQLite one, does not hold by itself.
CREATE INDEX idx_claims_public_slug ON claims (slug) INCLUDE (id, status, public_version, public_changed_ms) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public_slug;
