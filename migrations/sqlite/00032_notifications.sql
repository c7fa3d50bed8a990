-- +goose Up
-- A person's inbox: one row per recipient of each workflow event (see
-- claim_events), unread while read_at is NULL. It goes with its claim and
-- its event (ON DELETE CASCADE), as the events do.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id   INTEGER NOT NULL REFERENCES claim_events (id) ON DELETE CASCADE,
    claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('assigned', 'mentioned', 'sent_to_review', 'sent_back', 'published', 'corrected')),
    created_at DATETIME NOT NULL,
    read_at    DATETIME,
    UNIQUE (event_id, user_id)
);
-- The inbox, newest first, and its unread count, per person.
CREATE INDEX idx_notifications_user ON notifications (user_id, id);
CREATE INDEX idx_notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX idx_notifications_claim ON notifications (claim_id);

-- Whether a person is also told by e-mail (off until they opt in).
ALTER TABLE users ADD COLUMN email_notifications BOOLEAN NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE users DROP COLUMN email_notifications;
DROP TABLE notifications;
