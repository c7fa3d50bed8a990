package migrations_test

import (
	"context"
	"database/sql"
	"strconv"
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
			db, d, q := migratedTo(t, ctx, engine, 5)
			var err error
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

// TestReindexDropsUnpublishedVerdictWords: an index built the old way held
// a published claim's verdict still in review; the migration rebuilds it
// from published verdicts only, so those words are no longer found and the
// published ones still are. It also closes the first-run setup of a
// database that already has accounts.
func TestReindexDropsUnpublishedVerdictWords(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 11)
			var err error
			exec := func(s string, args ...any) int64 {
				t.Helper()
				var id int64
				if err := db.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				return id
			}
			now := time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)
			exec("INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES ('a@example.org', 'A', 'admin', 'x', ?, ?)", now, now)
			person := exec("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Pat Speaker', 'pat-speaker', ?, ?)", now, now)
			claim := exec("INSERT INTO claims (slug, text, summary, person_id, status, published_at, created_at, updated_at) VALUES ('c', 'The bridge opened in 2020', 'Bridge opened', ?, 'published', ?, ?, ?)", person, now, now, now)
			var rating int64
			if err := db.QueryRowContext(ctx, "SELECT id FROM ratings WHERE slug = 'false'").Scan(&rating); err != nil {
				t.Fatal(err)
			}
			exec("INSERT INTO verdicts (claim_id, rating_id, rating_slug, rating_label, headline, explanation, status, version, published_at, created_at, updated_at) VALUES (?, ?, 'false', 'False', 'Approved heading', 'Approved reasoning', 'published', 1, ?, ?, ?)", claim, rating, now, now, now)
			exec("INSERT INTO verdicts (claim_id, rating_id, rating_slug, rating_label, headline, explanation, status, version, created_at, updated_at) VALUES (?, ?, 'false', 'False', 'Quixotic heading', 'Unreviewed xylographic reasoning', 'in_review', 1, ?, ?)", claim, rating, now, now)
			// The index as the old store wrote it: the newest verdict not superseded.
			if d == migrations.SQLite {
				_, err = db.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text, summary, speaker, headline, explanation)
					VALUES (?, 'The bridge opened in 2020', 'Bridge opened', 'Pat Speaker', 'Quixotic heading', 'Unreviewed xylographic reasoning')`, claim)
			} else {
				_, err = db.ExecContext(ctx, `INSERT INTO claim_search (claim_id, document) VALUES ($1,
					to_tsvector('english', 'The bridge opened in 2020 Bridge opened') || to_tsvector('simple', 'Pat Speaker') ||
					to_tsvector('english', 'Quixotic heading Unreviewed xylographic reasoning'))`, claim)
			}
			if err != nil {
				t.Fatal(err)
			}
			found := func(word string) int {
				t.Helper()
				var n int
				s := "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?"
				if d == migrations.Postgres {
					s = "SELECT count(*) FROM claim_search WHERE document @@ plainto_tsquery('english', $1)"
				}
				if err := db.QueryRowContext(ctx, s, word).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			if found("xylographic") != 1 || found("quixotic") != 1 {
				t.Fatal("the old index does not hold the unreviewed verdict: the test proves nothing")
			}
			// Up to 00012, which rebuilt the index; 00018 empties it for the
			// store to fill (see its own test in package models).
			if err := migrations.ApplyUpToForTest(ctx, db, d, 12); err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"xylographic", "quixotic", "unreviewed"} {
				if n := found(w); n != 0 {
					t.Errorf("after the migration %q, a word of the verdict in review, is found in %d claims", w, n)
				}
			}
			for _, w := range []string{"approved", "reasoning", "bridge", "speaker"} {
				if n := found(w); n != 1 {
					t.Errorf("after the migration %q, a published word, is found in %d claims, want 1", w, n)
				}
			}
			var locked int
			if err := db.QueryRowContext(ctx, "SELECT count(*) FROM setup_lock WHERE id = 1").Scan(&locked); err != nil || locked != 1 {
				t.Errorf("a database with accounts is not marked set up: %d rows, %v", locked, err)
			}
		})
	}
}

// migratedTo opens a new database of engine migrated up to version, closed
// when the test ends, with q, which writes a statement's ? placeholders as
// the engine takes them.
func migratedTo(t *testing.T, ctx context.Context, engine string, version int64) (*sql.DB, migrations.Dialect, func(string) string) {
	t.Helper()
	return migrateDSNTo(t, ctx, engine, modelstest.DSN(t, engine), version)
}

// migrateDSNTo is migratedTo on dsn, a new database of engine (from
// modelstest.DSN), for a test that then opens a store on it.
func migrateDSNTo(t *testing.T, ctx context.Context, engine, dsn string, version int64) (*sql.DB, migrations.Dialect, func(string) string) {
	t.Helper()
	driver, d := "sqlite3", migrations.SQLite
	if engine == "postgres" {
		driver, d = "pgx", migrations.Postgres
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := migrations.ApplyUpToForTest(ctx, db, d, version); err != nil {
		t.Fatal(err)
	}
	q := func(s string) string {
		if d == migrations.SQLite {
			return s
		}
		for i := 1; strings.Contains(s, "?"); i++ {
			s = strings.Replace(s, "?", "$"+strconv.Itoa(i), 1)
		}
		return s
	}
	return db, d, q
}
