package models_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestUniqueViolationRecognised checks the one helper that tells a unique
// violation from other errors, on each engine's own error and on gorm's
// translation of it.
func TestUniqueViolationRecognised(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		if _, err := s.CreatePerson(ctx, nil, models.Meta{}, models.PersonInput{Name: "Ann Lee"}); err != nil {
			t.Fatal(err)
		}
		insert := "INSERT INTO people (name, slug, kind, description, created_at, updated_at) VALUES (?, ?, 'person', '', ?, ?)"
		if s.Dialect() == "postgres" {
			insert = "INSERT INTO people (name, slug, kind, description, created_at, updated_at) VALUES ($1, $2, 'person', '', $3, $4)"
		}
		now := s.Now()
		for pass, viaGorm := range []bool{false, true} {
			for _, tc := range []struct {
				name, slug string
				unique     bool
			}{
				{fmt.Sprintf("Ann Lee %d", pass), "ann-lee", true},                   // the slug is taken
				{"ANN LEE", fmt.Sprintf("ann-lee-%d", pass), true},                   // the name is taken, whatever its case
				{fmt.Sprintf("Bo Chen %d", pass), fmt.Sprintf("bo-%d", pass), false}, // nothing is taken
			} {
				ok, err := s.UniqueViolationForTest(ctx, viaGorm, insert, tc.name, tc.slug, now, now)
				if ok != tc.unique || (err == nil) == tc.unique {
					t.Errorf("gorm %t, %s/%s: unique violation %t (err %v), want %t", viaGorm, tc.name, tc.slug, ok, err, tc.unique)
				}
			}
		}
		// Other errors are not unique violations.
		if ok, err := s.UniqueViolationForTest(ctx, false, "INSERT INTO people (name) VALUES (NULL)"); ok || err == nil {
			t.Errorf("a NOT NULL failure: unique violation %t, err %v", ok, err)
		}
	})
}

// TestCreatePersonRefusesFoldedDuplicate: a speaker's name is unique
// whatever its case.
func TestCreatePersonRefusesFoldedDuplicate(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		if _, err := s.CreatePerson(ctx, nil, models.Meta{}, models.PersonInput{Name: "Ann Lee"}); err != nil {
			t.Fatal(err)
		}
		_, err := s.CreatePerson(ctx, nil, models.Meta{}, models.PersonInput{Name: "  ann LEE "})
		var ve *models.ValidationError
		if !errors.As(err, &ve) || ve.Fields["name"].ID == "" {
			t.Fatalf("second Ann Lee: %v, want a validation error on name", err)
		}
		if n, err := s.CountPeople(ctx); err != nil || n != 1 {
			t.Fatalf("%d people (%v), want 1", n, err)
		}
	})
}

// Writers that keep logging claims of one summary at once, for a few
// seconds, all succeed: each slug race a writer loses means another won,
// and a writer may lose many in a row while the others keep winning.
func TestWritersOfOneSummaryAllSave(t *testing.T) {
	modelstest.ForEach(t, models.Config{Logger: slog.New(slog.DiscardHandler)}, func(t *testing.T, s *models.Store) {
		ed := modelstest.User(t, s, "slugs@example.org", models.RoleEditor)
		ctx := context.Background()
		const writers = 32
		deadline := time.Now().Add(2 * time.Second)
		var wg sync.WaitGroup
		var saved atomic.Int64
		errs := make(chan error, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; time.Now().Before(deadline); i++ {
					_, err := s.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{
						Text: fmt.Sprintf("Writer %d says the ferry carried %d riders", w, i), Summary: "The ferry carried a million riders",
						Speaker: fmt.Sprintf("Ferry Speaker %d", i%3),
					})
					if err != nil {
						errs <- err
						return
					}
					saved.Add(1)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("after %d saves: %v", saved.Load(), err)
		}
	})
}

// A claim whose summary many claims share already finds its slug in a
// few statements: the slugs taken are looked up many at a time, not one
// statement each, since the save holds its transaction (on SQLite, the one
// writer of the database) while it looks.
func TestSlugOfAManyTimesUsedSummaryIsFoundInFewStatements(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			dsn := modelstest.MigratedDSN(t, engine)
			s := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: slog.New(slog.DiscardHandler)})
			ed := modelstest.User(t, s, "slugwalk@example.org", models.RoleEditor)
			ctx := context.Background()
			in := models.ClaimInput{Text: "The ferry carried a million riders last year", Summary: "The ferry carried a million riders", Speaker: "Ferry Speaker"}
			first, err := s.CreateClaim(ctx, ed, models.Meta{}, in)
			if err != nil {
				t.Fatal(err)
			}
			// Copies of the first claim under its slug's next 1,999 numbers.
			const taken = 2000
			cols := claimColumnsBut(t, engine, dsn, "id", "slug")
			series := fmt.Sprintf("WITH RECURSIVE g(n) AS (SELECT 2 UNION ALL SELECT n+1 FROM g WHERE n < %d) ", taken)
			from := "claims, g"
			if engine == "postgres" {
				series, from = "", fmt.Sprintf("claims, generate_series(2, %d) AS g(n)", taken)
			}
			if err := s.ExecForTest(ctx, fmt.Sprintf("%sINSERT INTO claims (%s, slug) SELECT %s, slug || '-' || g.n FROM %s WHERE id = ?", series, cols, cols, from), first.ID); err != nil {
				t.Fatal(err)
			}
			queries := s.CountWriterQueriesForTest()
			c, err := s.CreateClaim(ctx, ed, models.Meta{}, in)
			if err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("%s-%d", first.Slug, taken+1); c.Slug != want {
				t.Fatalf("slug %q, want %q", c.Slug, want)
			}
			if n := queries(); n > 50 {
				t.Fatalf("with %d slugs of the summary taken, the save made %d queries", taken, n)
			}
			// A gap is the first free slug, as before.
			if err := s.ExecForTest(ctx, "UPDATE claims SET slug = slug || '-moved' WHERE slug = ?", fmt.Sprintf("%s-%d", first.Slug, 777)); err != nil {
				t.Fatal(err)
			}
			if c, err = s.CreateClaim(ctx, ed, models.Meta{}, in); err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("%s-%d", first.Slug, 777); c.Slug != want {
				t.Fatalf("slug %q, want the first free one, %q", c.Slug, want)
			}
		})
	}
}

// claimColumnsBut lists the columns of claims other than but, comma-separated.
func claimColumnsBut(t *testing.T, engine, dsn string, but ...string) string {
	t.Helper()
	drv := "sqlite3"
	if engine == "postgres" {
		drv = "pgx"
	}
	db, err := sql.Open(drv, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT * FROM claims LIMIT 0")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	all, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, c := range all {
		if !slices.Contains(but, c) {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, ", ")
}
