-- +goose Up
-- The note of a correction that the server wrote itself, when a newer
-- verdict was published without one of its own, is no longer kept as an
-- English sentence: it is kept empty, and pages phrase it in the reader's
-- language from the kind and the ratings (the API still in English). An
-- update that kept the rating keeps that rating's label to name it.
ALTER TABLE corrections ADD COLUMN kept_rating TEXT NOT NULL DEFAULT '';

-- A rating change's note that is exactly the sentence written from its
-- own two ratings.
UPDATE corrections SET note = ''
WHERE kind = 'rating_change'
  AND note = 'We changed our rating from ' || old_rating || ' to ' || new_rating || ' after a new review of the evidence.';

-- An update's note that is exactly the sentence written from the label of
-- one of its claim's verdicts (the one published then, which kept the
-- rating); SET reads the row as it was, note included.
UPDATE corrections SET
    kept_rating = (SELECT v.rating_label FROM verdicts v
                   WHERE v.claim_id = corrections.claim_id
                     AND corrections.note = 'We updated this fact-check after a new review; the rating stays ' || v.rating_label || '.'
                   ORDER BY v.id LIMIT 1),
    note = ''
WHERE kind = 'update'
  AND EXISTS (SELECT 1 FROM verdicts v
              WHERE v.claim_id = corrections.claim_id
                AND corrections.note = 'We updated this fact-check after a new review; the rating stays ' || v.rating_label || '.');

-- +goose Down
-- The sentences written out again, in English, as they were kept before.
UPDATE corrections SET note = 'We changed our rating from ' || old_rating || ' to ' || new_rating || ' after a new review of the evidence.'
WHERE kind = 'rating_change' AND note = '';
UPDATE corrections SET note = 'We updated this fact-check after a new review; the rating stays ' || kept_rating || '.'
WHERE kind = 'update' AND note = '';
ALTER TABLE corrections DROP COLUMN kept_rating;
