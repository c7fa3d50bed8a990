-- +goose Up
-- A published fact-check changes only through an update that passes the
-- same review quorum as a verdict. claim_updates holds what an update
-- proposes (the claim's fields, its whole list of sources, the verdict
-- and the public note) until it is published; the public pages keep
-- reading the claim's own rows until then. The verdict that carries the
-- update's review is made when the update is submitted.
CREATE TABLE claim_updates (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id     BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    verdict_id   BIGINT REFERENCES verdicts (id) ON DELETE SET NULL,
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
    text         TEXT NOT NULL,
    summary      TEXT NOT NULL,
    speaker      TEXT NOT NULL,
    speaker_kind TEXT NOT NULL CHECK (speaker_kind IN ('person', 'organization')),
    said_at      DATE,
    setting      TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '[]',
    appearances  TEXT NOT NULL DEFAULT '[]',
    sources      TEXT NOT NULL DEFAULT '[]',
    rating       TEXT NOT NULL,
    headline     TEXT NOT NULL,
    explanation  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    editors      TEXT NOT NULL DEFAULT '[]',
    revision     INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
-- At most one open update per claim.
CREATE UNIQUE INDEX idx_claim_updates_open ON claim_updates (claim_id) WHERE status IN ('draft', 'submitted');
CREATE INDEX idx_claim_updates_claim_id ON claim_updates (claim_id, id);
CREATE INDEX idx_claim_updates_verdict_id ON claim_updates (verdict_id);

-- Every published version of a fact-check, as the public saw it, so that
-- an earlier version stays readable after an update replaces it.
CREATE TABLE claim_publications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id     BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    update_id    BIGINT REFERENCES claim_updates (id) ON DELETE SET NULL,
    published_at TIMESTAMPTZ NOT NULL,
    snapshot     TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_claim_publications_number ON claim_publications (claim_id, number);

-- Corrections gain the kind 'update': a published update that kept the
-- rating.
ALTER TABLE corrections DROP CONSTRAINT corrections_kind_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_kind_check
    CHECK (kind IN ('clarification', 'correction', 'rating_change', 'retraction', 'update'));

-- +goose Down
DELETE FROM corrections WHERE kind = 'update';
ALTER TABLE corrections DROP CONSTRAINT corrections_kind_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_kind_check
    CHECK (kind IN ('clarification', 'correction', 'rating_change', 'retraction'));
DROP TABLE claim_publications;
DROP TABLE claim_updates;
