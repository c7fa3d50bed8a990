-- +goose Up
-- Two editors who open the same object's form and both save must not have
-- the second save silently replace the first (a lost update). Each editable
-- object counts its saved edits: a save names the revision it was read at,
-- and is refused when that is no longer the current one. Claims, sources
-- and ratings each get a revision, raised by one with every edit; verdicts
-- already count theirs in verdicts.version. The site settings are edited
-- as one form, so they share one counter, the single row of
-- settings_revision.
ALTER TABLE claims ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE sources ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE ratings ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

CREATE TABLE settings_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL CHECK (revision >= 1)
);
INSERT INTO settings_revision (id, revision) VALUES (1, 1);

-- +goose Down
DROP TABLE settings_revision;
ALTER TABLE ratings DROP COLUMN revision;
ALTER TABLE sources DROP COLUMN revision;
ALTER TABLE claims DROP COLUMN revision;
