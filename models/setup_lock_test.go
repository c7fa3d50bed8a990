package models_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The first-run setup is closed by a constraint, not by a count of users:
// once it has run (or any account was created) the one row of setup_lock
// exists, a second row cannot, and a setup fails with ErrConflict even if
// the users table were emptied behind the store's back.
func TestFirstAdminSetupIsClosedByAConstraint(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		if _, err := s.CreateFirstAdmin(ctx, models.Meta{}, models.NewUser{Email: "boss@example.org", Name: "Boss", Password: modelstest.Password}); err != nil {
			t.Fatal(err)
		}
		dup, err := s.UniqueViolationForTest(ctx, true, "INSERT INTO setup_lock (id, locked_at) VALUES (1, ?)", time.Now().UTC())
		if !dup {
			t.Fatalf("a second setup row: %v, want a unique violation", err)
		}
		if err := s.ExecForTest(ctx, "DELETE FROM users"); err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateFirstAdmin(ctx, models.Meta{}, models.NewUser{Email: "late@example.org", Name: "Late", Password: modelstest.Password})
		if !errors.Is(err, models.ErrConflict) {
			t.Fatalf("setup after it was done: %v, want ErrConflict", err)
		}
		if n, _ := s.CountUsers(ctx); n != 0 {
			t.Fatalf("%d users after a refused setup", n)
		}
	})
}

// An account created another way (the command line) closes the setup too.
func TestAnyAccountClosesTheSetup(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		if err := s.ExecForTest(ctx, "DELETE FROM users"); err != nil {
			t.Fatal(err)
		}
		_, err := s.CreateFirstAdmin(ctx, models.Meta{}, models.NewUser{Email: "boss@example.org", Name: "Boss", Password: modelstest.Password})
		if !errors.Is(err, models.ErrConflict) {
			t.Fatalf("setup after an account was created: %v, want ErrConflict", err)
		}
		// Creating more accounts keeps working once the row exists.
		modelstest.User(t, s, "rev@example.org", models.RoleReviewer)
	})
}
