-- +goose Up
-- Outgoing webhooks: an admin subscribes an outside URL to workflow events
-- (claim.published, ...), and each event a webhook is subscribed to
-- becomes one delivery, a JSON POST signed with the webhook's secret, sent
-- by a background job and kept in the delivery log.

-- events holds the subscribed event names, separated by single spaces and
-- with a space at each end (' claim.published claim.corrected '), so that
-- one LIKE finds the webhooks of an event. The secret signs the bodies
-- (HMAC-SHA256), so it is kept as it is, not hashed; it is never shown
-- again after the webhook is made. A disabled webhook gets no deliveries.
CREATE TABLE webhooks (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL,
    events      TEXT NOT NULL CHECK (events <> ''),
    secret      TEXT NOT NULL CHECK (length(secret) >= 16),
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    disabled_at TIMESTAMPTZ
);

-- The delivery log. body is the exact JSON sent, written in the
-- transaction of the change, so that every attempt sends the same bytes
-- and signature. status is the last answer's HTTP status (0: none came);
-- error and reason say why the last attempt failed (English, and the
-- reason of the catalogue as JSON); duration_ms is how long it took.
-- Deliveries go with their webhook; a claim deleted leaves its deliveries
-- without their event.
CREATE TABLE webhook_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        BIGINT REFERENCES claim_events (id) ON DELETE SET NULL,
    event           TEXT NOT NULL,
    body            TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    status          INTEGER NOT NULL DEFAULT 0,
    error           TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    duration_ms     INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX idx_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);
CREATE INDEX idx_webhook_deliveries_state ON webhook_deliveries (state, created_at);

-- +goose Down
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
