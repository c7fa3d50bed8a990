package migrations_test

import (
	"context"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// Migration 00026 empties the correction notes that the server wrote in
// English (a rating change's, from the row's own two ratings; an update's,
// from the label of one of its claim's verdicts, which it keeps), and
// leaves every other note as it was written, even one that reads almost
// the same; its down step writes the sentences out again.
func TestGeneratedCorrectionNotesMigration(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 25)
			now := time.Now().UTC().Truncate(time.Second)
			var person, claim, rating int64
			if err := db.QueryRowContext(ctx, q("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Ann Lee', 'ann-lee', ?, ?) RETURNING id"), now, now).Scan(&person); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRowContext(ctx, q("INSERT INTO claims (slug, text, summary, person_id, status, created_at, updated_at) VALUES ('c', 'words', 'summary', ?, 'published', ?, ?) RETURNING id"),
				person, now, now).Scan(&claim); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRowContext(ctx, "SELECT id FROM ratings WHERE slug = 'mostly-false'").Scan(&rating); err != nil {
				t.Fatal(err)
			}
			for _, st := range []string{"superseded", "published"} {
				if _, err := db.ExecContext(ctx, q("INSERT INTO verdicts (claim_id, rating_id, rating_slug, rating_label, headline, status, created_at, updated_at) VALUES (?, ?, 'mostly-false', 'Mostly false', 'h', ?, ?, ?)"),
					claim, rating, st, now, now); err != nil {
					t.Fatal(err)
				}
			}
			rows := []struct{ kind, note, old, new string }{
				{"rating_change", "We changed our rating from False to Mostly false after a new review of the evidence.", "False", "Mostly false"},
				{"rating_change", "We changed our rating from False to Mostly false after a second look at the transcript.", "False", "Mostly false"},
				{"rating_change", "We changed our rating from True to Mostly false after a new review of the evidence.", "False", "Mostly false"},
				{"update", "We updated this fact-check after a new review; the rating stays Mostly false.", "", ""},
				{"update", "We updated this fact-check after a new review; the rating stays Unproven.", "", ""},
				{"correction", "We changed our rating from False to Mostly false after a new review of the evidence.", "False", "Mostly false"},
			}
			ids := make([]int64, len(rows))
			for i, r := range rows {
				if err := db.QueryRowContext(ctx, q("INSERT INTO corrections (claim_id, kind, note, old_rating, new_rating, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
					claim, r.kind, r.note, r.old, r.new, now).Scan(&ids[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 26); err != nil {
				t.Fatal(err)
			}
			want := []struct{ note, kept string }{
				{"", ""},           // generated from its own ratings
				{rows[1].note, ""}, // an editor's words
				{rows[2].note, ""}, // names other ratings than its own
				{"", "Mostly false"},
				{rows[4].note, ""}, // no verdict of the claim was rated Unproven
				{rows[5].note, ""}, // not a rating change
			}
			for i, id := range ids {
				var note, kept string
				if err := db.QueryRowContext(ctx, q("SELECT note, kept_rating FROM corrections WHERE id = ?"), id).Scan(&note, &kept); err != nil {
					t.Fatal(err)
				}
				if note != want[i].note || kept != want[i].kept {
					t.Errorf("row %d (%s) after 00026: note %q, kept rating %q; want %q, %q", i, rows[i].kind, note, kept, want[i].note, want[i].kept)
				}
			}
			if err := migrations.DownToForTest(ctx, db, d, 25); err != nil {
				t.Fatalf("down: %v", err)
			}
			for i, id := range ids {
				var note string
				if err := db.QueryRowContext(ctx, q("SELECT note FROM corrections WHERE id = ?"), id).Scan(&note); err != nil {
					t.Fatal(err)
				}
				if note != rows[i].note {
					t.Errorf("row %d after the down step: note %q, want %q", i, note, rows[i].note)
				}
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 26); err != nil {
				t.Fatalf("up again: %v", err)
			}
		})
	}
}
