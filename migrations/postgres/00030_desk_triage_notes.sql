-- +goose Up
-- The newsroom's day: who is on a claim, by when, how urgent; a research
-- stage between draft and review; an internal discussion thread per claim;
-- and the workflow events that notifications and webhooks read.

-- Claims gain the status 'researching', between draft and in review.
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN ('draft', 'researching', 'in_review', 'published', 'retracted'));

-- Ownership and triage: the colleague the claim is assigned to, the day
-- it is due, and its priority.
ALTER TABLE claims ADD COLUMN assignee_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE claims ADD COLUMN due_on DATE;
ALTER TABLE claims ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
CREATE INDEX idx_claims_assignee ON claims (assignee_id, status);
CREATE INDEX idx_claims_due_on ON claims (due_on) WHERE due_on IS NOT NULL;

-- When a verdict last went to review (proposed, or revised after it was
-- sent back), for how long the review queue has kept it waiting.
ALTER TABLE verdicts ADD COLUMN in_review_since TIMESTAMPTZ;
UPDATE verdicts SET in_review_since = updated_at WHERE status = 'in_review';

-- The internal discussion of a claim, never public. A note's mentions are
-- the colleagues it names with @handle (the handle as the note wrote it,
-- so that it still names them if their address changes).
CREATE TABLE notes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id   BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    author_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_notes_claim ON notes (claim_id, id);
CREATE TABLE note_mentions (
    note_id BIGINT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    handle  TEXT NOT NULL,
    PRIMARY KEY (note_id, user_id)
);
CREATE INDEX idx_note_mentions_user ON note_mentions (user_id);

-- What happened to a claim that someone may need to hear of, in the order
-- it happened; user_id is the one person it is about (the assignee, the
-- colleague mentioned, the author whose verdict was sent back), NULL when
-- it concerns the desk.
CREATE TABLE claim_events (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id      BIGINT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('assigned', 'mentioned', 'sent_to_review', 'sent_back', 'published', 'corrected')),
    actor_id      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    user_id       BIGINT REFERENCES users (id) ON DELETE CASCADE,
    verdict_id    BIGINT REFERENCES verdicts (id) ON DELETE SET NULL,
    note_id       BIGINT REFERENCES notes (id) ON DELETE CASCADE,
    correction_id BIGINT REFERENCES corrections (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_claim_events_claim ON claim_events (claim_id, id);
CREATE INDEX idx_claim_events_user ON claim_events (user_id, id) WHERE user_id IS NOT NULL;

-- +goose Down
DROP TABLE claim_events;
DROP TABLE note_mentions;
DROP TABLE notes;
ALTER TABLE verdicts DROP COLUMN in_review_since;
DROP INDEX idx_claims_due_on;
DROP INDEX idx_claims_assignee;
ALTER TABLE claims DROP COLUMN priority;
ALTER TABLE claims DROP COLUMN due_on;
ALTER TABLE claims DROP COLUMN assignee_id;
-- A claim being researched was a draft before this stage existed.
UPDATE claims SET status = 'draft' WHERE status = 'researching';
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN ('draft', 'in_review', 'published', 'retracted'));
