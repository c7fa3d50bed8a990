-- +goose Up
-- Speakers can be edited, merged and deleted.
--   people.title        the speaker's title or role ("Attorney General")
--   people.affiliation  the party, employer or body they speak for
--   people.revision     counts the speaker's saved edits, from 1; an edit
--                       made from an older revision is refused
-- A speaker's page address follows the name: a rename gives it a new slug,
-- and merging one speaker into another removes the first. Every address a
-- speaker's page has had stays in person_redirects, pointing at the
-- speaker who now answers for it, so that links and search results that
-- name an old address are sent on (301) to the current page. A slug is
-- either a speaker's current one (people.slug) or a former one here, never
-- both, and is never given to another speaker.
ALTER TABLE people ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN affiliation TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

CREATE TABLE person_redirects (
    slug       TEXT PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES people (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_person_redirects_person_id ON person_redirects (person_id);

-- +goose Down
DROP TABLE person_redirects;
ALTER TABLE people DROP COLUMN revision;
ALTER TABLE people DROP COLUMN affiliation;
ALTER TABLE people DROP COLUMN title;
