-- +goose Up
-- The public list filtered by language (?language=ar lists ar, ar-EG…)
-- walks the public claims of the filter's primary language subtag newest
-- first, as the other filters do (see 00013), so that a first page reads
-- about its own length of rows, however rare the language. The index of
-- 00024 led with the whole tag: a filter that matches several tags could
-- not walk it in order, and the planner read every public claim and
-- sorted them. The home page's list of languages reads this one too. The
-- expression is the one models.primaryLanguageSQL writes.
DROP INDEX idx_claims_public_language;
CREATE INDEX idx_claims_public_primary_language ON claims (substr(language, 1, instr(language || '-', '-') - 1), published_at DESC, id DESC) WHERE status IN ('published', 'retracted');

-- +goose Down
DROP INDEX idx_claims_public_primary_language;
CREATE INDEX idx_claims_public_language ON claims (language, published_at DESC, id DESC) WHERE status IN ('published', 'retracted');
