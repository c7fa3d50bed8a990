package migrations_test

import (
	"context"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestContentLanguageMigrationUpAndDown: migration 00024 gives the claims,
// sources and verdicts logged before it an empty (unknown) language, and
// its down step takes the columns away again, so that it applies anew.
func TestContentLanguageMigrationUpAndDown(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 23)
			now := time.Now().UTC().Truncate(time.Second)
			var person, claim int64
			if err := db.QueryRowContext(ctx, q("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Ann Lee', 'ann-lee', ?, ?) RETURNING id"), now, now).Scan(&person); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRowContext(ctx, q("INSERT INTO claims (slug, text, summary, person_id, status, created_at, updated_at) VALUES ('c', 'words', 'summary', ?, 'draft', ?, ?) RETURNING id"),
				person, now, now).Scan(&claim); err != nil {
				t.Fatal(err)
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 24); err != nil {
				t.Fatal(err)
			}
			var lang string
			if err := db.QueryRowContext(ctx, q("SELECT language FROM claims WHERE id = ?"), claim).Scan(&lang); err != nil || lang != "" {
				t.Fatalf("an older claim's language: %q, %v; want empty", lang, err)
			}
			for _, table := range []string{"sources", "verdicts", "claim_updates"} {
				if _, err := db.ExecContext(ctx, "SELECT language FROM "+table); err != nil {
					t.Errorf("%s: %v", table, err)
				}
			}
			if err := migrations.DownToForTest(ctx, db, d, 23); err != nil {
				t.Fatalf("down: %v", err)
			}
			if _, err := db.ExecContext(ctx, "SELECT language FROM claims"); err == nil {
				t.Error("claims.language is still there after the down step")
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 24); err != nil {
				t.Fatalf("up again: %v", err)
			}
		})
	}
}
