-- +goose Up
-- Beside the English words of why a source's archive, link check or
-- Internet Archive copy failed, and why a job's last attempt failed, the
-- same as a reason of the catalogue (JSON: its message id, its English and
-- its values), so that pages say it in the reader's language while the API
-- keeps giving the English. '' for what was recorded before: the English
-- alone.
ALTER TABLE sources ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN link_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN wayback_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN last_reason TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE jobs DROP COLUMN last_reason;
ALTER TABLE sources DROP COLUMN wayback_reason;
ALTER TABLE sources DROP COLUMN link_reason;
ALTER TABLE sources DROP COLUMN archive_reason;
