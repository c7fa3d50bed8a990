package migrations_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestUniqueSpeakerNamesMergeCaseDuplicates: people whose names differ only
// in case, logged before names were unique, are merged into the earliest,
// and their claims follow; then a name can be logged only once, whatever
// its case.
func TestUniqueSpeakerNamesMergeCaseDuplicates(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := modelstest.DSN(t, engine)
			driver, d := "sqlite3", migrations.SQLite
			if engine == "postgres" {
				driver, d = "pgx", migrations.Postgres
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := migrations.ApplyUpToForTest(ctx, db, d, 5); err != nil {
				t.Fatal(err)
			}
			q := func(s string) string {
				if d == migrations.SQLite {
					return s
				}
				for i := 1; strings.Contains(s, "?"); i++ {
					s = strings.Replace(s, "?", "$"+string(rune('0'+i)), 1)
				}
				return s
			}
			now := time.Now().UTC()
			names := []string{"Ann Lee", "ann lee", "Bo Chen", "ANN LEE"}
			ids := make([]int64, len(names))
			for i, n := range names {
				err := db.QueryRowContext(ctx, q("INSERT INTO people (name, slug, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id"),
					n, "p"+string(rune('a'+i)), now, now).Scan(&ids[i])
				if err != nil {
					t.Fatal(err)
				}
			}
			for i, id := range ids {
				if _, err := db.ExecContext(ctx, q("INSERT INTO claims (slug, text, summary, person_id, created_at, updated_at) VALUES (?, 'words', 'summary', ?, ?, ?)"),
					"c"+string(rune('a'+i)), id, now, now); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := migrations.Apply(ctx, db, d); err != nil {
				t.Fatal(err)
			}
			var people []string
			rows, err := db.QueryContext(ctx, "SELECT name FROM people ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var n string
				if err := rows.Scan(&n); err != nil {
					t.Fatal(err)
				}
				people = append(people, n)
			}
			rows.Close()
			if strings.Join(people, "|") != "Ann Lee|Bo Chen" {
				t.Errorf("people after the merge: %q", people)
			}
			var wrong int
			if err := db.QueryRowContext(ctx, q("SELECT COUNT(*) FROM claims WHERE person_id <> ? AND slug IN ('ca', 'cb', 'cd')"), ids[0]).Scan(&wrong); err != nil || wrong != 0 {
				t.Errorf("%d of Ann Lee's claims not merged (%v)", wrong, err)
			}
			_, err = db.ExecContext(ctx, q("INSERT INTO people (name, slug, created_at, updated_at) VALUES (?, 'pe', ?, ?)"), "bo CHEN", now, now)
			if err == nil {
				t.Error("a second Bo Chen, in other case, was stored")
			}
		})
	}
}
