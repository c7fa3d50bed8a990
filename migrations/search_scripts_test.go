package migrations_test

import (
	"context"
	"strings"
	"testing"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// Migration 00025 adds the substring index beside the word index and goes
// down to the index of before, and up again.
func TestSearchEveryScriptMigrationDownAndUp(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, _ := migratedTo(t, ctx, engine, 25)
			// has reports whether the substring index is there.
			has := func() bool {
				t.Helper()
				var n int
				q := "SELECT count(*) FROM sqlite_master WHERE name = 'claims_trgm'"
				if d == migrations.Postgres {
					q = "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'claim_search' AND column_name IN ('folded', 'grams')"
				}
				if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n > 0
			}
			// stems reports whether the word index stems words itself, as
			// it did before (porter on SQLite; on PostgreSQL the store
			// chose the configuration, so the table is the same).
			stems := func() bool {
				t.Helper()
				if d == migrations.Postgres {
					return false
				}
				var sql string
				if err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").Scan(&sql); err != nil {
					t.Fatal(err)
				}
				return strings.Contains(sql, "porter")
			}
			if !has() || stems() {
				t.Fatal("00025 up: no substring index, or a word index that stems")
			}
			if err := migrations.DownToForTest(ctx, db, d, 24); err != nil {
				t.Fatal(err)
			}
			if has() || (d == migrations.SQLite && !stems()) {
				t.Fatal("00025 down: the index of before is not back")
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 25); err != nil {
				t.Fatal(err)
			}
			if !has() {
				t.Fatal("00025 up again: no substring index")
			}
		})
	}
}
