-- +goose Up
-- What reviewers approve is one version of a verdict. Every change to the
-- verdict, or to its claim's words or sources while it is open, adds a row
-- here under a new version number; whoever made it is an author of that
-- verdict and may not approve it. reviewer_count keeps, at publication, how
-- many reviewers' approvals counted towards the quorum.
CREATE TABLE verdict_versions (
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
CREATE UNIQUE INDEX idx_verdict_versions_verdict ON verdict_versions (verdict_id, version);
CREATE INDEX idx_verdict_versions_changed_by ON verdict_versions (changed_by);

INSERT INTO verdict_versions (verdict_id, version, change, changed_by, rating_slug, headline, explanation, created_at)
SELECT id, version, CASE WHEN version = 1 THEN 'proposed' ELSE 'revised' END, author_id, rating_slug, headline, explanation, updated_at
FROM verdicts;

ALTER TABLE verdicts ADD COLUMN reviewer_count INTEGER NOT NULL DEFAULT 0;
UPDATE verdicts SET reviewer_count = (
    SELECT COUNT(DISTINCT r.reviewer_id) FROM reviews r
    WHERE r.verdict_id = verdicts.id AND r.version = verdicts.version AND r.decision = 'approve'
      AND r.reviewer_id IS NOT NULL AND r.reviewer_id IS NOT verdicts.author_id)
WHERE status IN ('published', 'superseded');

CREATE UNIQUE INDEX idx_reviews_once ON reviews (verdict_id, version, reviewer_id);

-- +goose Down
DROP INDEX idx_reviews_once;
ALTER TABLE verdicts DROP COLUMN reviewer_count;
DROP TABLE verdict_versions;
