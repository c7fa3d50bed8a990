-- +goose Up
-- Public lists read three derived values, each kept in step by triggers in
-- the same transaction as the change it follows, whoever makes it (the
-- store, a bulk load, a migration that merges speakers), so that they are
-- always exact and a list never has to aggregate the archive:
--   people.public_claims  how many of the speaker's claims are public
--                         (published or retracted); the speaker filter and
--                         the people page list those with any, by name.
--   claims.rating_slug    the rating of the claim's published verdict, NULL
--                         without one; a rating filter walks an index in
--                         list order (newest published first).
--   claim_tags.published_at  the claim's published_at while the claim is
--                         public, else NULL; a tag filter walks an index in
--                         list order.
ALTER TABLE people ADD COLUMN public_claims INTEGER NOT NULL DEFAULT 0 CHECK (public_claims >= 0);
ALTER TABLE claims ADD COLUMN rating_slug TEXT;
ALTER TABLE claim_tags ADD COLUMN published_at DATETIME;

UPDATE people SET public_claims = (
    SELECT count(*) FROM claims c WHERE c.person_id = people.id AND c.status IN ('published', 'retracted'));
UPDATE claims SET rating_slug = (
    SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = claims.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1);
UPDATE claim_tags SET published_at = (
    SELECT c.published_at FROM claims c WHERE c.id = claim_tags.claim_id AND c.status IN ('published', 'retracted'));

CREATE INDEX idx_people_public ON people (name, id) WHERE public_claims > 0;
CREATE INDEX idx_claims_public_rating ON claims (rating_slug, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');
CREATE INDEX idx_claims_public_person ON claims (person_id, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');
CREATE INDEX idx_claim_tags_public ON claim_tags (tag, published_at DESC, claim_id DESC) WHERE published_at IS NOT NULL;

-- A claim that becomes public, stops being public, or changes speaker
-- while public moves its speaker's count.
-- +goose StatementBegin
CREATE TRIGGER claims_public_count_insert AFTER INSERT ON claims
WHEN NEW.status IN ('published', 'retracted')
BEGIN
    UPDATE people SET public_claims = public_claims + 1 WHERE id = NEW.person_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claims_public_count_delete AFTER DELETE ON claims
WHEN OLD.status IN ('published', 'retracted')
BEGIN
    UPDATE people SET public_claims = public_claims - 1 WHERE id = OLD.person_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claims_public_count_update AFTER UPDATE OF status, person_id ON claims
WHEN (OLD.status IN ('published', 'retracted')) IS NOT (NEW.status IN ('published', 'retracted'))
    OR OLD.person_id IS NOT NEW.person_id
BEGIN
    UPDATE people SET public_claims = public_claims - 1
    WHERE id = OLD.person_id AND OLD.status IN ('published', 'retracted');
    UPDATE people SET public_claims = public_claims + 1
    WHERE id = NEW.person_id AND NEW.status IN ('published', 'retracted');
END;
-- +goose StatementEnd

-- A claim's tags carry its place in the public list.
-- +goose StatementBegin
CREATE TRIGGER claims_public_tags AFTER UPDATE OF status, published_at ON claims
WHEN (CASE WHEN OLD.status IN ('published', 'retracted') THEN OLD.published_at END)
    IS NOT (CASE WHEN NEW.status IN ('published', 'retracted') THEN NEW.published_at END)
BEGIN
    UPDATE claim_tags SET published_at = CASE WHEN NEW.status IN ('published', 'retracted') THEN NEW.published_at END
    WHERE claim_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER claim_tags_public_insert AFTER INSERT ON claim_tags
WHEN NEW.published_at IS NOT (
    SELECT c.published_at FROM claims c WHERE c.id = NEW.claim_id AND c.status IN ('published', 'retracted'))
BEGIN
    UPDATE claim_tags SET published_at = (
        SELECT c.published_at FROM claims c WHERE c.id = NEW.claim_id AND c.status IN ('published', 'retracted'))
    WHERE claim_id = NEW.claim_id AND tag = NEW.tag;
END;
-- +goose StatementEnd

-- A verdict that is published, superseded or removed sets its claim's
-- rating to that of the claim's published verdict.
-- +goose StatementBegin
CREATE TRIGGER verdicts_rating_insert AFTER INSERT ON verdicts
WHEN NEW.status = 'published'
BEGIN
    UPDATE claims SET rating_slug = (
        SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = claims.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1)
    WHERE id = NEW.claim_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER verdicts_rating_update AFTER UPDATE OF status, rating_slug, claim_id ON verdicts
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    UPDATE claims SET rating_slug = (
        SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = claims.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1)
    WHERE id IN (OLD.claim_id, NEW.claim_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER verdicts_rating_delete AFTER DELETE ON verdicts
WHEN OLD.status = 'published'
BEGIN
    UPDATE claims SET rating_slug = (
        SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = claims.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1)
    WHERE id = OLD.claim_id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER verdicts_rating_delete;
DROP TRIGGER verdicts_rating_update;
DROP TRIGGER verdicts_rating_insert;
DROP TRIGGER claim_tags_public_insert;
DROP TRIGGER claims_public_tags;
DROP TRIGGER claims_public_count_update;
DROP TRIGGER claims_public_count_delete;
DROP TRIGGER claims_public_count_insert;
DROP INDEX idx_claim_tags_public;
DROP INDEX idx_claims_public_person;
DROP INDEX idx_claims_public_rating;
DROP INDEX idx_people_public;
ALTER TABLE claim_tags DROP COLUMN published_at;
ALTER TABLE claims DROP COLUMN rating_slug;
ALTER TABLE people DROP COLUMN public_claims;
