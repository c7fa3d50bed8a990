package migrations_test

import (
	"context"
	"testing"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestSearchIndexPendingListUpAndDown: migration 00029 gives PostgreSQL's
// search indexes a pending list of 64 kB, and its down step the default
// again; on SQLite it changes nothing, both ways.
func TestSearchIndexPendingListUpAndDown(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, _ := migratedTo(t, ctx, engine, 28)
			limits := func() string {
				if d != migrations.Postgres {
					return ""
				}
				var s string
				err := db.QueryRowContext(ctx, `SELECT string_agg(relname || ' ' || coalesce(array_to_string(reloptions, ','), '-'), '; ' ORDER BY relname)
					FROM pg_class WHERE oid IN (to_regclass('idx_claim_search_document'), to_regclass('idx_claim_search_grams'))`).Scan(&s)
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 29); err != nil {
				t.Fatal(err)
			}
			want := "idx_claim_search_document gin_pending_list_limit=64; idx_claim_search_grams gin_pending_list_limit=64"
			if got := limits(); d == migrations.Postgres && got != want {
				t.Errorf("after 00029: %s", got)
			}
			if err := migrations.DownToForTest(ctx, db, d, 28); err != nil {
				t.Fatalf("down: %v", err)
			}
			if got := limits(); d == migrations.Postgres && got != "idx_claim_search_document -; idx_claim_search_grams -" {
				t.Errorf("after the down step: %s", got)
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 29); err != nil {
				t.Fatalf("up again: %v", err)
			}
		})
	}
}
