-- +goose Up
-- The language user text is written in, as a canonical BCP 47 tag
-- (RFC 5646): a claim's words, a source's title and excerpt, a verdict's
-- headline and explanation, and what an open update proposes for the
-- claim and its verdict (its sources keep theirs in the sources list).
-- '' means not known: rows written before stay so until edited.
ALTER TABLE claims ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE verdicts ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_updates ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_updates ADD COLUMN verdict_language TEXT NOT NULL DEFAULT '';
-- The public list filtered by language (?language=ar) walks the public
-- claims of that language newest first, as the other filters do (see
-- 00013); the home page's list of languages reads it too.
CREATE INDEX idx_claims_public_language ON claims (language, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public_language;
ALTER TABLE claim_updates DROP COLUMN verdict_language;
ALTER TABLE claim_updates DROP COLUMN language;
ALTER TABLE verdicts DROP COLUMN language;
ALTER TABLE sources DROP COLUMN language;
ALTER TABLE claims DROP COLUMN language;
