-- +goose Up
-- Recent failed sign-ins per account (a digest of the case-folded email)
-- and per client address (IPv4, or an IPv6 /64), shared by every instance
-- on the database. The rules are in models/throttle.go.
CREATE TABLE login_throttles (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    counted_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_login_throttles_counted_at ON login_throttles (counted_at);

-- +goose Down
DROP TABLE login_throttles;
