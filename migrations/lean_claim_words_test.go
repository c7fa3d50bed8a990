package migrations_test

import (
	"context"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// Migration 00031 gives SQLite an index of the claims' words alone, made
// from the word index it has, and leaves the substring index to public
// claims on both engines; it goes down and up again.
func TestLeanClaimWordsMigration(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 29)
			insert := func(s string, args ...any) int64 {
				t.Helper()
				var id int64
				if err := db.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				return id
			}
			exec := func(s string, args ...any) {
				t.Helper()
				if _, err := db.ExecContext(ctx, q(s), args...); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
			}
			now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
			person := insert("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Pat Speaker', 'pat-speaker', ?, ?)", now, now)
			ids := map[string]int64{}
			for _, status := range []string{"draft", "in_review", "published", "retracted"} {
				ids[status] = insert("INSERT INTO claims (slug, text, summary, person_id, status, created_at, updated_at) VALUES (?, 'the bridg open in 2020', 'Bridge opened', ?, ?, ?, ?)",
					status, person, status, now, now)
				// The index as the store of before wrote it: every claim
				// in both indexes.
				if d == migrations.SQLite {
					exec("INSERT INTO claims_fts (rowid, text, summary, speaker, headline, explanation, tags) VALUES (?, 'the bridg open in 2020', 'bridg open', 'pat speaker', '', '', '')", ids[status])
					exec("INSERT INTO claims_trgm (rowid, doc, explanation) VALUES (?, 'the bridge opened in 2020', '')", ids[status])
				} else {
					exec("INSERT INTO claim_search (claim_id, document, folded, grams) VALUES (?, 'bridg:2A open:3A', 'the bridge opened in 2020', 'bri rid idg dge')", ids[status])
				}
			}
			// substring lists the claims the substring index holds.
			substring := func() map[int64]bool {
				t.Helper()
				s := "SELECT rowid FROM claims_trgm WHERE claims_trgm MATCH '\"ridge\"'"
				if d == migrations.Postgres {
					s = "SELECT claim_id FROM claim_search WHERE grams @@ CAST('rid & idg & dge' AS tsquery) AND strpos(folded, 'ridge') > 0"
				}
				rows, err := db.QueryContext(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				out := map[int64]bool{}
				for rows.Next() {
					var id int64
					if err := rows.Scan(&id); err != nil {
						t.Fatal(err)
					}
					out[id] = true
				}
				return out
			}
			// words counts the claims the index of the claims' words alone
			// finds by a word, -1 when there is no such index.
			words := func(word string) int {
				t.Helper()
				if d == migrations.Postgres {
					return -1
				}
				var n int
				if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'claims_words'").Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n == 0 {
					return -1
				}
				if err := db.QueryRowContext(ctx, "SELECT count(*) FROM claims_words WHERE claims_words MATCH ?", word).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			if len(substring()) != 4 || words("bridg") != -1 {
				t.Fatalf("before 00031: substring index %v, words index %d: the test proves nothing", substring(), words("bridg"))
			}
			if _, err := migrations.Apply(ctx, db, d); err != nil {
				t.Fatal(err)
			}
			got := substring()
			if len(got) != 2 || !got[ids["published"]] || !got[ids["retracted"]] {
				t.Errorf("after 00031 the substring index holds %v, want the published %d and the retracted %d only", got, ids["published"], ids["retracted"])
			}
			if d == migrations.SQLite {
				if n := words("bridg"); n != 4 {
					t.Errorf("after 00031 the claims' words find %d claims by a word of theirs, want 4", n)
				}
				// The speaker is not one of the claims' words.
				if n := words("speaker"); n != 0 {
					t.Errorf("after 00031 the claims' words find %d claims by their speaker, want 0", n)
				}
				counts := map[string]int{}
				rows, err := db.QueryContext(ctx, "SELECT word, claims FROM claim_word_counts")
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var w string
					var n int
					if err := rows.Scan(&w, &n); err != nil {
						t.Fatal(err)
					}
					counts[w] = n
				}
				rows.Close()
				if len(counts) != 5 || counts["the"] != 4 || counts["bridg"] != 4 || counts["open"] != 4 || counts["in"] != 4 || counts["2020"] != 4 {
					t.Errorf("after 00031 the word counts are %v, want each of the claims' 5 words held by 4 claims", counts)
				}
			}
			if err := migrations.DownToForTest(ctx, db, d, 29); err != nil {
				t.Fatal(err)
			}
			if n := words("bridg"); n != -1 {
				t.Errorf("00031 down: the index of the claims' words is still there (%d)", n)
			}
			if _, err := migrations.Apply(ctx, db, d); err != nil {
				t.Fatalf("00031 up again: %v", err)
			}
			if d == migrations.SQLite && words("bridg") != 4 {
				t.Errorf("00031 up again: the claims' words find %d claims, want 4", words("bridg"))
			}
		})
	}
}
