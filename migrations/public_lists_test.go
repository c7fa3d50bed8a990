package migrations_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestPublicListsMigrationFillsExistingData: an archive logged before
// migration 00013 gets its speakers' public counts, its claims' ratings and
// its tags' places in the list from the data already there; from then on
// the database keeps them in step, here through a speaker merge.
func TestPublicListsMigrationFillsExistingData(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 9)
			var err error
			exec := func(s string, args ...any) int64 {
				t.Helper()
				var id int64
				if err := db.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				return id
			}
			now := time.Now().UTC().Truncate(time.Second)
			ann := exec("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Ann Lee', 'ann-lee', ?, ?)", now, now)
			bo := exec("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Bo Chen', 'bo-chen', ?, ?)", now, now)
			cy := exec("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Cy Park', 'cy-park', ?, ?)", now, now)
			var rating int64
			if err := db.QueryRowContext(ctx, "SELECT id FROM ratings WHERE slug = 'false'").Scan(&rating); err != nil {
				t.Fatal(err)
			}
			claim := func(slug string, person int64, status string, published *time.Time) int64 {
				return exec("INSERT INTO claims (slug, text, summary, person_id, status, published_at, created_at, updated_at) VALUES (?, 'words', 'summary', ?, ?, ?, ?, ?)",
					slug, person, status, published, now, now)
			}
			verdict := func(claim int64, slug, status string) {
				exec("INSERT INTO verdicts (claim_id, rating_id, rating_slug, rating_label, headline, status, created_at, updated_at) VALUES (?, ?, ?, 'Label', 'h', ?, ?, ?)",
					claim, rating, slug, status, now, now)
			}
			t1, t2 := now.Add(-2*time.Hour), now.Add(-time.Hour)
			pub := claim("pub", ann, "published", &t1)
			verdict(pub, "mostly-true", "superseded")
			verdict(pub, "false", "published")
			ret := claim("ret", ann, "retracted", &t2)
			verdict(ret, "true", "published")
			draft := claim("draft", bo, "draft", nil)
			verdict(draft, "true", "in_review")
			for _, ct := range []struct {
				claim int64
				tag   string
			}{{pub, "russia"}, {ret, "russia"}, {draft, "russia"}} {
				if _, err := db.ExecContext(ctx, q("INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)"), ct.claim, ct.tag); err != nil {
					t.Fatal(err)
				}
			}

			if _, err := migrations.Apply(ctx, db, d); err != nil {
				t.Fatal(err)
			}
			counts := func() string {
				t.Helper()
				rows, err := db.QueryContext(ctx, "SELECT slug, public_claims FROM people ORDER BY slug")
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var out []string
				for rows.Next() {
					var slug string
					var n int
					if err := rows.Scan(&slug, &n); err != nil {
						t.Fatal(err)
					}
					out = append(out, fmt.Sprintf("%s=%d", slug, n))
				}
				return strings.Join(out, " ")
			}
			if got := counts(); got != "ann-lee=2 bo-chen=0 cy-park=0" {
				t.Errorf("public counts after the migration: %s", got)
			}
			for id, want := range map[int64]string{pub: "false", ret: "true", draft: ""} {
				var got sql.NullString
				if err := db.QueryRowContext(ctx, q("SELECT rating_slug FROM claims WHERE id = ?"), id).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got.String != want {
					t.Errorf("claim %d: rating %q, want %q", id, got.String, want)
				}
			}
			var tagged []int64
			rows, err := db.QueryContext(ctx, "SELECT claim_id FROM claim_tags WHERE tag = 'russia' AND published_at IS NOT NULL ORDER BY published_at DESC, claim_id DESC")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					t.Fatal(err)
				}
				tagged = append(tagged, id)
			}
			rows.Close()
			if fmt.Sprint(tagged) != fmt.Sprint([]int64{ret, pub}) {
				t.Errorf("public claims tagged russia, newest first: %v, want %v", tagged, []int64{ret, pub})
			}

			// Merging Ann Lee into Cy Park moves her count with her claims.
			if _, err := db.ExecContext(ctx, q("UPDATE claims SET person_id = ? WHERE person_id = ?"), cy, ann); err != nil {
				t.Fatal(err)
			}
			if got := counts(); got != "ann-lee=0 bo-chen=0 cy-park=2" {
				t.Errorf("public counts after the merge: %s", got)
			}
			// A count can never go below zero, whatever a writer does.
			if _, err := db.ExecContext(ctx, q("UPDATE people SET public_claims = -1 WHERE id = ?"), bo); err == nil {
				t.Error("a negative count was stored")
			}
		})
	}
}
