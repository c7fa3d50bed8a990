-- +goose Up
-- Public pages are versioned by counters, never by clocks. public_changes
-- holds one row: seq numbers every change to anything public, in commit
-- order (a writer takes the row's lock, so the next value waits for the
-- last commit); shared_seq is the seq of the last change that every page
-- shows (the rating scale, the settings). A claim's public_version is the
-- seq of the last change to its public page. The *_ms columns are the
-- writers' wall-clock times in Unix milliseconds, never decreasing, and
-- serve only as Last-Modified.
CREATE TABLE public_changes (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    seq               INTEGER NOT NULL,
    changed_ms        INTEGER NOT NULL,
    shared_seq        INTEGER NOT NULL,
    shared_changed_ms INTEGER NOT NULL
);
INSERT INTO public_changes (id, seq, changed_ms, shared_seq, shared_changed_ms)
VALUES (1, 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

ALTER TABLE claims ADD COLUMN public_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE claims ADD COLUMN public_changed_ms INTEGER NOT NULL DEFAULT 0;
UPDATE claims SET public_changed_ms = (SELECT changed_ms FROM public_changes);
-- The prerenderer asks for the public claims changed after a seq.
CREATE INDEX idx_claims_public_version ON claims (public_version) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public_version;
ALTER TABLE claims DROP COLUMN public_changed_ms;
ALTER TABLE claims DROP COLUMN public_version;
DROP TABLE public_changes;
