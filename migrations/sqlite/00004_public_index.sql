-- +goose Up
-- Public lists walk published and retracted claims newest first; a partial
-- index holds exactly those, in that order.
CREATE INDEX idx_claims_public ON claims (published_at DESC, id DESC) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public;
