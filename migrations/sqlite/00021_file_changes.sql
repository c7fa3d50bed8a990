-- +goose Up
-- A verdict gains a version when a file is attached to, or removed from,
-- one of its claim's sources. SQLite cannot change a CHECK constraint, so
-- the table is rebuilt; nothing references it.
CREATE TABLE verdict_versions_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    verdict_id   INTEGER NOT NULL REFERENCES verdicts (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    change       TEXT NOT NULL CHECK (change IN ('proposed', 'revised', 'claim_edited', 'source_added', 'source_updated', 'source_removed', 'rating_relabelled', 'file_attached', 'file_removed')),
    changed_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    rating_slug  TEXT NOT NULL,
    headline     TEXT NOT NULL,
    explanation  TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL
);
INSERT INTO verdict_versions_new (id, verdict_id, version, change, changed_by, rating_slug, headline, explanation, created_at)
    SELECT id, verdict_id, version, change, changed_by, rating_slug, headline, explanation, created_at FROM verdict_versions;
DROP TABLE verdict_versions;
ALTER TABLE verdict_versions_new RENAME TO verdict_versions;
CREATE UNIQUE INDEX idx_verdict_versions_verdict ON verdict_versions (verdict_id, version);
CREATE INDEX idx_verdict_versions_changed_by ON verdict_versions (changed_by);

-- +goose Down
UPDATE verdict_versions SET change = 'source_updated' WHERE change IN ('file_attached', 'file_removed');
CREATE TABLE verdict_versions_old (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    verdict_id   INTEGER NOT NULL REFERENCES verdicts (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    change       TEXT NOT NULL CHECK (change IN ('proposed', 'revised', 'claim_edited', 'source_added', 'source_updated', 'source_removed', 'rating_relabelled')),
    changed_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    rating_slug  TEXT NOT NULL,
    headline     TEXT NOT NULL,
    explanation  TEXT NOT NULL DEFAULT '',
    created_at   DATETIME NOT NULL
);
INSERT INTO verdict_versions_old (id, verdict_id, version, change, changed_by, rating_slug, headline, explanation, created_at)
    SELECT id, verdict_id, version, change, changed_by, rating_slug, headline, explanation, created_at FROM verdict_versions;
DROP TABLE verdict_versions;
ALTER TABLE verdict_versions_old RENAME TO verdict_versions;
CREATE UNIQUE INDEX idx_verdict_versions_verdict ON verdict_versions (verdict_id, version);
CREATE INDEX idx_verdict_versions_changed_by ON verdict_versions (changed_by);
