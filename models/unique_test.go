package models_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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
		if !errors.As(err, &ve) || ve.Fields["name"] == "" {
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
