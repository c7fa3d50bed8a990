package migrations_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestAppearancesMigrationMovesAppearanceURL: each claim's appearance_url
// becomes an appearance on the day the claim was said, and the article a
// claim was logged from another, with its date and outlet (once, when it
// is the same address); nothing else is added and the old column is gone.
func TestAppearancesMigrationMovesAppearanceURL(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db, d, q := migratedTo(t, ctx, engine, 14)
			exec := func(s string, args ...any) int64 {
				t.Helper()
				var id int64
				if err := db.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				return id
			}
			now := time.Date(2017, 3, 3, 9, 0, 0, 0, time.UTC)
			person := exec("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Pat Speaker', 'pat-speaker', ?, ?)", now, now)
			article := exec("INSERT INTO articles (url, title, outlet, published_at, created_at, updated_at) VALUES ('https://news.example.org/report', 'Report', 'The Daily', ?, ?, ?)",
				time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC), now, now)
			claim := func(slug, url string, said *time.Time, art any) int64 {
				return exec("INSERT INTO claims (slug, text, summary, person_id, said_at, appearance_url, article_id, created_at, updated_at) VALUES (?, 'words', 'summary', ?, ?, ?, ?, ?, ?)",
					slug, person, said, url, art, now, now)
			}
			said := time.Date(2017, 1, 10, 0, 0, 0, 0, time.UTC)
			both := claim("both", "https://example.org/hearing", &said, article)
			urlOnly := claim("url-only", "https://example.org/clip", nil, nil)
			articleOnly := claim("article-only", "", &said, article)
			same := claim("same", "https://news.example.org/report", &said, article)
			neither := claim("neither", "", nil, nil)

			if _, err := migrations.Apply(ctx, db, d); err != nil {
				t.Fatal(err)
			}
			got := map[int64]string{}
			rows, err := db.QueryContext(ctx, "SELECT claim_id, url, appeared_on, venue FROM appearances ORDER BY claim_id, appeared_on, id")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				var url, venue string
				var on *time.Time
				if err := rows.Scan(&id, &url, &on, &venue); err != nil {
					t.Fatal(err)
				}
				day := "undated"
				if on != nil {
					day = on.Format("2006-01-02")
				}
				got[id] = strings.TrimPrefix(got[id]+"; "+strings.TrimSpace(url+" "+day+" "+venue), "; ")
			}
			if err := rows.Close(); err != nil {
				t.Fatal(err)
			}
			want := map[int64]string{
				both:        "https://example.org/hearing 2017-01-10; https://news.example.org/report 2017-03-02 The Daily",
				urlOnly:     "https://example.org/clip undated",
				articleOnly: "https://news.example.org/report 2017-03-02 The Daily",
				same:        "https://news.example.org/report 2017-01-10",
			}
			for id, w := range want {
				if got[id] != w {
					t.Errorf("claim %d: appearances %q, want %q", id, got[id], w)
				}
			}
			if got[neither] != "" || len(got) != len(want) {
				t.Errorf("appearances of claims that had none: %v", got)
			}
			if _, err := db.ExecContext(ctx, "SELECT appearance_url FROM claims"); err == nil {
				t.Error("claims.appearance_url is still there")
			}
		})
	}
}
