-- +goose Up
-- The whole data model of DESIGN.md for PostgreSQL.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
    password_hash TEXT NOT NULL,
    disabled_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX idx_users_email ON users (email);

CREATE TABLE sessions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash   TEXT NOT NULL,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_sessions_token_hash ON sessions (token_hash);
CREATE INDEX idx_sessions_user_id ON sessions (user_id);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX idx_api_tokens_token_hash ON api_tokens (token_hash);
CREATE INDEX idx_api_tokens_user_id ON api_tokens (user_id);

CREATE TABLE people (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization')),
    description TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX idx_people_slug ON people (slug);
CREATE INDEX idx_people_name ON people (name);

CREATE TABLE articles (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL,
    outlet       TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    published_at DATE,
    body         TEXT NOT NULL DEFAULT '',
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_articles_created_at ON articles (created_at);

CREATE TABLE claims (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug           TEXT NOT NULL,
    text           TEXT NOT NULL,
    summary        TEXT NOT NULL,
    person_id      BIGINT NOT NULL REFERENCES people (id),
    said_at        DATE,
    setting        TEXT NOT NULL DEFAULT '',
    appearance_url TEXT NOT NULL DEFAULT '',
    article_id     BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published', 'retracted')),
    created_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    published_at   TIMESTAMPTZ,
    retracted_at   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX idx_claims_slug ON claims (slug);
CREATE INDEX idx_claims_status_published_at ON claims (status, published_at);
CREATE INDEX idx_claims_status_said_at ON claims (status, said_at);
CREATE INDEX idx_claims_person_id ON claims (person_id);
CREATE INDEX idx_claims_article_id ON claims (article_id);

CREATE TABLE claim_tags (
    claim_id BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (claim_id, tag)
);
CREATE INDEX idx_claim_tags_tag ON claim_tags (tag);

CREATE TABLE sources (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id     BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL,
    outlet       TEXT NOT NULL DEFAULT '',
    published_at DATE,
    kind         TEXT NOT NULL CHECK (kind IN ('transcript', 'official_record', 'news_report', 'statement', 'social_post', 'dataset', 'other')),
    stance       TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
    excerpt      TEXT NOT NULL DEFAULT '',
    locator      TEXT NOT NULL DEFAULT '',
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_sources_claim_id ON sources (claim_id, published_at);

CREATE TABLE ratings (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL,
    label       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    ordered     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX idx_ratings_slug ON ratings (slug);

CREATE TABLE verdicts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id     BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    rating_id    BIGINT NOT NULL REFERENCES ratings (id),
    rating_slug  TEXT NOT NULL,
    rating_label TEXT NOT NULL,
    headline     TEXT NOT NULL,
    explanation  TEXT NOT NULL DEFAULT '',
    author_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('in_review', 'changes_requested', 'published', 'superseded')),
    version      INTEGER NOT NULL DEFAULT 1,
    published_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_verdicts_claim_id ON verdicts (claim_id, version);
CREATE INDEX idx_verdicts_status ON verdicts (status, updated_at);
CREATE INDEX idx_verdicts_author_id ON verdicts (author_id, status);

CREATE TABLE reviews (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verdict_id  BIGINT NOT NULL REFERENCES verdicts (id) ON DELETE CASCADE,
    reviewer_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    decision    TEXT NOT NULL CHECK (decision IN ('approve', 'request_changes')),
    comment     TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_reviews_verdict_id ON reviews (verdict_id);
CREATE INDEX idx_reviews_reviewer_id ON reviews (reviewer_id);

CREATE TABLE corrections (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id   BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('clarification', 'correction', 'rating_change', 'retraction')),
    note       TEXT NOT NULL,
    old_rating TEXT NOT NULL DEFAULT '',
    new_rating TEXT NOT NULL DEFAULT '',
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_corrections_claim_id ON corrections (claim_id);
CREATE INDEX idx_corrections_created_at ON corrections (created_at);

CREATE TABLE audit_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor_id    BIGINT,
    actor       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   BIGINT,
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT '',
    request_id  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_audit_events_object ON audit_events (object_type, object_id, at);
CREATE INDEX idx_audit_events_at ON audit_events (at);

-- Audit events are append-only: the database itself refuses to change them.
-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The default rating scale, best first; Unproven is unordered.
INSERT INTO ratings (slug, label, description, position, ordered, created_at, updated_at) VALUES
 ('true', 'True', 'The statement is accurate and nothing significant is missing.', 1, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('mostly-true', 'Mostly true', 'The statement is accurate but needs clarification or additional information.', 2, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('half-true', 'Half true', 'The statement is partially accurate but leaves out important details or takes things out of context.', 3, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('misleading', 'Misleading', 'The statement contains an element of truth but creates a false impression.', 4, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('mostly-false', 'Mostly false', 'The statement contains an element of truth but ignores critical facts.', 5, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('false', 'False', 'The statement is not accurate.', 6, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('unproven', 'Unproven', 'The evidence available neither proves nor disproves the statement.', 7, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- +goose Down
DROP TABLE settings;
DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE corrections;
DROP TABLE reviews;
DROP TABLE verdicts;
DROP TABLE ratings;
DROP TABLE sources;
DROP TABLE claim_tags;
DROP TABLE claims;
DROP TABLE articles;
DROP TABLE people;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
