package migrations_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestPrimaryLanguageIndexUpAndDown: migration 00028 replaces the index of
// public claims by whole language tag with one by primary language
// subtag, whose expression gives "ar" of ar and ar-EG and "" of an
// unknown language; its down step brings the index of before back.
func TestPrimaryLanguageIndexUpAndDown(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 27)
			now := time.Now().UTC().Truncate(time.Second)
			var person int64
			if err := db.QueryRowContext(ctx, q("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Ann Lee', 'ann-lee', ?, ?) RETURNING id"), now, now).Scan(&person); err != nil {
				t.Fatal(err)
			}
			for i, lang := range []string{"ar-EG", "ar", "", "pt-BR"} {
				if _, err := db.ExecContext(ctx, q("INSERT INTO claims (slug, text, summary, person_id, status, language, published_at, created_at, updated_at) VALUES (?, 'words', 'summary', ?, 'published', ?, ?, ?, ?)"),
					"c"+string(rune('a'+i)), person, lang, now, now, now); err != nil {
					t.Fatal(err)
				}
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 28); err != nil {
				t.Fatal(err)
			}
			if !hasIndex(t, db, d, "idx_claims_public_primary_language") || hasIndex(t, db, d, "idx_claims_public_language") {
				t.Fatal("after 00028: not the primary language index alone")
			}
			expr := "substr(language, 1, instr(language || '-', '-') - 1)"
			if d == migrations.Postgres {
				expr = "split_part(language, '-', 1)"
			}
			rows, err := db.QueryContext(ctx, "SELECT "+expr+" FROM claims ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var p string
				if err := rows.Scan(&p); err != nil {
					t.Fatal(err)
				}
				got = append(got, p)
			}
			rows.Close()
			if strings.Join(got, ",") != "ar,ar,,pt" {
				t.Errorf("primary subtags %q", got)
			}
			if err := migrations.DownToForTest(ctx, db, d, 27); err != nil {
				t.Fatalf("down: %v", err)
			}
			if hasIndex(t, db, d, "idx_claims_public_primary_language") || !hasIndex(t, db, d, "idx_claims_public_language") {
				t.Error("after the down step: not the whole-tag index alone")
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 28); err != nil {
				t.Fatalf("up again: %v", err)
			}
		})
	}
}

// hasIndex reports whether the database (its schema on the search path,
// on PostgreSQL) has an index named name.
func hasIndex(t *testing.T, db *sql.DB, d migrations.Dialect, name string) bool {
	t.Helper()
	var n int
	query := "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
	if d == migrations.Postgres {
		query = "SELECT count(*) FROM pg_class WHERE oid = to_regclass($1)"
	}
	if err := db.QueryRow(query, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}
