-- +goose Up
-- A verdict gains a version when a file is attached to, or removed from,
-- one of its claim's sources.
ALTER TABLE verdict_versions DROP CONSTRAINT verdict_versions_change_check;
ALTER TABLE verdict_versions ADD CONSTRAINT verdict_versions_change_check
    CHECK (change IN ('proposed', 'revised', 'claim_edited', 'source_added', 'source_updated', 'source_removed', 'rating_relabelled', 'file_attached', 'file_removed'));

-- +goose Down
UPDATE verdict_versions SET change = 'source_updated' WHERE change IN ('file_attached', 'file_removed');
ALTER TABLE verdict_versions DROP CONSTRAINT verdict_versions_change_check;
ALTER TABLE verdict_versions ADD CONSTRAINT verdict_versions_change_check
    CHECK (change IN ('proposed', 'revised', 'claim_edited', 'source_added', 'source_updated', 'source_removed', 'rating_relabelled'));
