-- +goose Up
-- Evidence that lasts: background jobs, blobs stored by their SHA-256,
-- archived snapshots of source pages, files uploaded to sources, link
-- checks and the per-host pacing they share across instances.

-- The one table of background work. A job is claimed with a lease
-- (lease_until, lease_token); a lease that runs out (the instance died)
-- lets another instance claim the job again. At most one queued or
-- running job per key, so that enqueueing the same work twice, from any
-- number of instances, adds it once.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL,
    key          TEXT,
    payload      TEXT NOT NULL DEFAULT '{}',
    state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
    run_at       DATETIME NOT NULL,
    lease_until  DATETIME,
    lease_token  TEXT NOT NULL DEFAULT '',
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL,
    finished_at  DATETIME
);
CREATE UNIQUE INDEX idx_jobs_open_key ON jobs (key) WHERE state IN ('queued', 'running');
CREATE INDEX idx_jobs_due ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX idx_jobs_lease ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX idx_jobs_state ON jobs (state, updated_at);

-- Bytes kept by their SHA-256 (lower-case hex): archived pages and
-- uploaded files. The same bytes are kept once. Snapshots and files name
-- their bytes by hash without a foreign key, so that another blob store
-- (a directory, S3) can take this table's place.
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    data       BLOB NOT NULL,
    created_at DATETIME NOT NULL
);

-- A source's page as the fetcher got it at fetched_at.
CREATE TABLE snapshots (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url          TEXT NOT NULL,
    final_url    TEXT NOT NULL,
    http_status  INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    fetched_at   DATETIME NOT NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX idx_snapshots_source_id ON snapshots (source_id, id);
CREATE INDEX idx_snapshots_sha256 ON snapshots (sha256);

-- Files an editor attached to a source: screenshots, PDFs, clips.
-- original_sha256 is the upload's hash before location metadata was
-- removed; sha256 names the bytes kept.
CREATE TABLE source_files (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    filename        TEXT NOT NULL DEFAULT '',
    original_sha256 TEXT NOT NULL DEFAULT '',
    uploaded_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      DATETIME NOT NULL
);
CREATE INDEX idx_source_files_source_id ON source_files (source_id, id);
CREATE INDEX idx_source_files_sha256 ON source_files (sha256);

-- Every visit of the link checker to a source's address.
CREATE TABLE link_checks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    checked_at  DATETIME NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('live', 'changed', 'moved', 'gone', 'unreachable')),
    http_status INTEGER,
    final_url   TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_link_checks_source_id ON link_checks (source_id, id);

-- When each outside host may next be asked, shared by every instance so
-- that a host is paced however many instances there are.
CREATE TABLE hosts (
    host    TEXT PRIMARY KEY,
    next_at DATETIME NOT NULL
);

ALTER TABLE sources ADD COLUMN archive_status TEXT NOT NULL DEFAULT '' CHECK (archive_status IN ('', 'queued', 'archived', 'refused', 'failed'));
-- No REFERENCES here: SQLite cannot drop a column that has one. A
-- snapshot goes only with its source, so the id cannot dangle.
ALTER TABLE sources ADD COLUMN archive_snapshot_id INTEGER;
ALTER TABLE sources ADD COLUMN archive_error TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN link_status TEXT NOT NULL DEFAULT '' CHECK (link_status IN ('', 'live', 'changed', 'moved', 'gone', 'unreachable'));
ALTER TABLE sources ADD COLUMN link_checked_at DATETIME;
ALTER TABLE sources ADD COLUMN link_error TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN wayback_status TEXT NOT NULL DEFAULT '' CHECK (wayback_status IN ('', 'queued', 'saved', 'failed'));
ALTER TABLE sources ADD COLUMN wayback_url TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN wayback_error TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN wayback_at DATETIME;
CREATE INDEX idx_sources_link_checked_at ON sources (link_checked_at);

-- Sources saved before archiving existed are archived now.
UPDATE sources SET archive_status = 'queued';
INSERT INTO jobs (kind, key, payload, state, run_at, created_at, updated_at)
SELECT 'archive_source', 'archive_source:source:' || id, '{"source_id":' || id || '}', 'queued',
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM sources;

-- +goose Down
DROP INDEX idx_sources_link_checked_at;
ALTER TABLE sources DROP COLUMN wayback_at;
ALTER TABLE sources DROP COLUMN wayback_error;
ALTER TABLE sources DROP COLUMN wayback_url;
ALTER TABLE sources DROP COLUMN wayback_status;
ALTER TABLE sources DROP COLUMN link_error;
ALTER TABLE sources DROP COLUMN link_checked_at;
ALTER TABLE sources DROP COLUMN link_status;
ALTER TABLE sources DROP COLUMN archive_error;
ALTER TABLE sources DROP COLUMN archive_snapshot_id;
ALTER TABLE sources DROP COLUMN archive_status;
DROP TABLE hosts;
DROP TABLE link_checks;
DROP TABLE source_files;
DROP TABLE snapshots;
DROP TABLE blobs;
DROP TABLE jobs;
