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
ALTER TABLE claim_tags ADD COLUMN published_at TIMESTAMPTZ;

UPDATE people p SET public_claims = n.claims
FROM (SELECT person_id, count(*) AS claims FROM claims WHERE status IN ('published', 'retracted') GROUP BY person_id) n
WHERE n.person_id = p.id;
UPDATE claims c SET rating_slug = v.rating_slug
FROM (SELECT DISTINCT ON (claim_id) claim_id, rating_slug FROM verdicts WHERE status = 'published' ORDER BY claim_id, id DESC) v
WHERE v.claim_id = c.id;
UPDATE claim_tags t SET published_at = c.published_at
FROM claims c
WHERE c.id = t.claim_id AND c.status IN ('published', 'retracted');

CREATE INDEX idx_people_public ON people (name, id) WHERE public_claims > 0;
CREATE INDEX idx_claims_public_rating ON claims (rating_slug, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');
CREATE INDEX idx_claims_public_person ON claims (person_id, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');
CREATE INDEX idx_claim_tags_public ON claim_tags (tag, published_at DESC, claim_id DESC) WHERE published_at IS NOT NULL;

-- A claim that becomes public, stops being public, or changes speaker
-- while public moves its speaker's count. Inserts are counted once per
-- statement, so that a bulk load updates each speaker once, not once per
-- claim.
-- +goose StatementBegin
CREATE FUNCTION claims_public_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('published', 'retracted') THEN
        UPDATE people SET public_claims = public_claims - 1 WHERE id = OLD.person_id;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status IN ('published', 'retracted') THEN
        UPDATE people SET public_claims = public_claims + 1 WHERE id = NEW.person_id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION claims_public_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE people p SET public_claims = p.public_claims + n.claims
    FROM (SELECT person_id, count(*) AS claims FROM inserted WHERE status IN ('published', 'retracted') GROUP BY person_id) n
    WHERE p.id = n.person_id;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER claims_public_count_insert AFTER INSERT ON claims
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION claims_public_count_inserted();
CREATE TRIGGER claims_public_count_delete AFTER DELETE ON claims
FOR EACH ROW WHEN (OLD.status IN ('published', 'retracted')) EXECUTE FUNCTION claims_public_count();
CREATE TRIGGER claims_public_count_update AFTER UPDATE OF status, person_id ON claims
FOR EACH ROW WHEN ((OLD.status IN ('published', 'retracted')) IS DISTINCT FROM (NEW.status IN ('published', 'retracted'))
    OR OLD.person_id IS DISTINCT FROM NEW.person_id)
EXECUTE FUNCTION claims_public_count();

-- A claim's tags carry its place in the public list.
-- +goose StatementBegin
CREATE FUNCTION claims_public_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claim_tags SET published_at = CASE WHEN NEW.status IN ('published', 'retracted') THEN NEW.published_at END
    WHERE claim_id = NEW.id;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER claims_public_tags AFTER UPDATE OF status, published_at ON claims
FOR EACH ROW WHEN ((CASE WHEN OLD.status IN ('published', 'retracted') THEN OLD.published_at END)
    IS DISTINCT FROM (CASE WHEN NEW.status IN ('published', 'retracted') THEN NEW.published_at END))
EXECUTE FUNCTION claims_public_tags();
-- +goose StatementBegin
CREATE FUNCTION claim_tags_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.published_at := (SELECT c.published_at FROM claims c WHERE c.id = NEW.claim_id AND c.status IN ('published', 'retracted'));
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER claim_tags_public BEFORE INSERT ON claim_tags
FOR EACH ROW EXECUTE FUNCTION claim_tags_public();

-- A verdict that is published, superseded or removed sets its claim's
-- rating to that of the claim's published verdict; inserts, once per
-- statement.
-- +goose StatementBegin
CREATE FUNCTION verdicts_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims c SET rating_slug = (
        SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = c.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1)
    WHERE c.id = OLD.claim_id;
    IF TG_OP = 'UPDATE' AND NEW.claim_id IS DISTINCT FROM OLD.claim_id THEN
        UPDATE claims c SET rating_slug = (
            SELECT v.rating_slug FROM verdicts v WHERE v.claim_id = c.id AND v.status = 'published' ORDER BY v.id DESC LIMIT 1)
        WHERE c.id = NEW.claim_id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- Ids only grow, so a claim's newest published verdict after an insert is
-- the newest it inserted, when it inserted any.
-- +goose StatementBegin
CREATE FUNCTION verdicts_rating_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims c SET rating_slug = i.rating_slug
    FROM (SELECT DISTINCT ON (claim_id) claim_id, rating_slug FROM inserted WHERE status = 'published' ORDER BY claim_id, id DESC) i
    WHERE c.id = i.claim_id;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER verdicts_rating_insert AFTER INSERT ON verdicts
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION verdicts_rating_inserted();
CREATE TRIGGER verdicts_rating_update AFTER UPDATE OF status, rating_slug, claim_id ON verdicts
FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION verdicts_rating();
CREATE TRIGGER verdicts_rating_delete AFTER DELETE ON verdicts
FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION verdicts_rating();

-- +goose Down
DROP TRIGGER verdicts_rating_delete ON verdicts;
DROP TRIGGER verdicts_rating_update ON verdicts;
DROP TRIGGER verdicts_rating_insert ON verdicts;
DROP FUNCTION verdicts_rating_inserted();
DROP FUNCTION verdicts_rating();
DROP TRIGGER claim_tags_public ON claim_tags;
DROP FUNCTION claim_tags_public();
DROP TRIGGER claims_public_tags ON claims;
DROP FUNCTION claims_public_tags();
DROP TRIGGER claims_public_count_update ON claims;
DROP TRIGGER claims_public_count_delete ON claims;
DROP TRIGGER claims_public_count_insert ON claims;
DROP FUNCTION claims_public_count_inserted();
DROP FUNCTION claims_public_count();
DROP INDEX idx_claim_tags_public;
DROP INDEX idx_claims_public_person;
DROP INDEX idx_claims_public_rating;
DROP INDEX idx_people_public;
ALTER TABLE claim_tags DROP COLUMN published_at;
ALTER TABLE claims DROP COLUMN rating_slug;
ALTER TABLE people DROP COLUMN public_claims;
