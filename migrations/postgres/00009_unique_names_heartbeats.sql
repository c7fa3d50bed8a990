-- +goose Up
-- A speaker is found by name whatever its case, and two requests logging
-- the same new speaker at once must end with one person: people's names
-- are unique once folded with lower(), the same folding as the lookup.
-- People whose names already differ only in case are merged first into
-- the earliest of them, which is the one every lookup has returned.
UPDATE claims SET person_id = (
    SELECT MIN(q.id) FROM people q
    WHERE lower(q.name) = (SELECT lower(p.name) FROM people p WHERE p.id = claims.person_id)
)
WHERE person_id IN (
    SELECT p.id FROM people p
    WHERE EXISTS (SELECT 1 FROM people q WHERE lower(q.name) = lower(p.name) AND q.id < p.id)
);
DELETE FROM people
WHERE EXISTS (SELECT 1 FROM people q WHERE lower(q.name) = lower(people.name) AND q.id < people.id);
DROP INDEX idx_people_lower_name;
CREATE UNIQUE INDEX idx_people_name_folded ON people (lower(name));

-- Each running instance proves that the database accepts writes by
-- rewriting its own row here when asked for its health, at most once a
-- second; rows of instances gone for a day are removed.
CREATE TABLE heartbeats (
    instance_id TEXT PRIMARY KEY,
    beat_at     TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE heartbeats;
DROP INDEX idx_people_name_folded;
CREATE INDEX idx_people_lower_name ON people (lower(name));
