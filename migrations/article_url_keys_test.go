package migrations_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestArticleURLKeysFilledForExistingArticles: articles logged before
// migration 00017 get their address keys when the store migrates, so
// that logging one of them again is noticed like any other.
func TestArticleURLKeysFilledForExistingArticles(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := modelstest.DSN(t, engine)
			db, _, q := migrateDSNTo(t, ctx, engine, dsn, 14)
			now := time.Now().UTC().Truncate(time.Second)
			var ids []int64
			for _, url := range []string{"https://www.example.org/2017/03/02/sessions-russia", "https://example.org/other-story"} {
				var id int64
				if err := db.QueryRowContext(ctx, q("INSERT INTO articles (url, title, body, created_at, updated_at) VALUES (?, 'Title', 'Text.', ?, ?) RETURNING id"),
					url, now, now).Scan(&id); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			s := modelstest.OpenDSN(t, engine, dsn, models.Config{})
			var empty int
			if err := db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE url_key = ''").Scan(&empty); err != nil || empty != 0 {
				t.Fatalf("articles without a key after migrating: %d %v", empty, err)
			}
			ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
			_, err := s.CreateArticle(ctx, ed, models.Meta{}, models.ArticleInput{
				URL: "http://example.org/2017/03/02/sessions-russia/?utm_campaign=x", Title: "Again", Text: "Text."})
			var dup *models.DuplicateArticleError
			if !errors.As(err, &dup) || dup.Existing[0].ID != uint(ids[0]) {
				t.Fatalf("an article logged before the migration, logged again: %v", err)
			}
		})
	}
}
