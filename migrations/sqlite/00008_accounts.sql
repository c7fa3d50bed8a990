-- +goose Up
-- Accounts: one-time password reset links, two-factor sign-in (a TOTP key
-- and recovery codes per user) and sign-ins that wait for their second factor.

CREATE TABLE password_resets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL,
    used_at    DATETIME
);
CREATE UNIQUE INDEX idx_password_resets_token_hash ON password_resets (token_hash);
CREATE INDEX idx_password_resets_user_id ON password_resets (user_id);

-- One key per user: unconfirmed while being set up, then confirmed.
-- last_step is the TOTP time step of the last code accepted, so that no
-- code is accepted twice.
CREATE TABLE totp_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret       TEXT NOT NULL,
    confirmed_at DATETIME,
    last_step    INTEGER NOT NULL DEFAULT 0,
    created_at   DATETIME NOT NULL
);
CREATE UNIQUE INDEX idx_totp_keys_user_id ON totp_keys (user_id);

CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    DATETIME,
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX idx_recovery_codes_user_code ON recovery_codes (user_id, code_hash);

-- A password that was right, waiting for its code: never a session.
CREATE TABLE pending_logins (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    ip         TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_pending_logins_token_hash ON pending_logins (token_hash);
CREATE INDEX idx_pending_logins_user_id ON pending_logins (user_id);
CREATE INDEX idx_pending_logins_expires_at ON pending_logins (expires_at);

-- +goose Down
DROP TABLE pending_logins;
DROP TABLE recovery_codes;
DROP TABLE totp_keys;
DROP TABLE password_resets;
