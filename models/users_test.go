package models_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestDisablingRevokesTokensForGood(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		old, oldRec, err := s.CreateAPIToken(ctx, nil, models.Meta{}, "ed@example.org", "old")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeAPIToken(ctx, admin, models.Meta{}, oldRec.ID); err != nil {
			t.Fatal(err)
		}
		before, _ := s.GetAPIToken(ctx, oldRec.ID)
		var raws []string
		for _, name := range []string{"cms", "script"} {
			raw, _, err := s.CreateAPIToken(ctx, nil, models.Meta{}, "ed@example.org", name)
			if err != nil {
				t.Fatal(err)
			}
			raws = append(raws, raw)
		}
		yes, no := true, false
		if _, err := s.UpdateUser(ctx, admin, models.Meta{}, ed.ID, models.UserChange{Disabled: &yes}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateUser(ctx, admin, models.Meta{}, ed.ID, models.UserChange{Disabled: &no}); err != nil {
			t.Fatal(err)
		}
		for _, raw := range append(raws, old) {
			if _, err := s.TokenUser(ctx, raw); !errors.Is(err, models.ErrUnauthenticated) {
				t.Fatalf("token %s… after disable and enable: %v, want ErrUnauthenticated", raw[:9], err)
			}
		}
		toks, _ := s.ListAPITokens(ctx, ed.ID)
		for _, tk := range toks {
			if tk.RevokedAt == nil {
				t.Fatalf("token %s not revoked", tk.Name)
			}
			if tk.ID == oldRec.ID && !tk.RevokedAt.Equal(*before.RevokedAt) {
				t.Fatalf("an already revoked token's revoked_at moved: %v → %v", before.RevokedAt, tk.RevokedAt)
			}
		}
		ev, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "token.revoke"})
		if len(ev) != 3 || !strings.Contains(ev[0].After, "user disabled") || ev[0].Actor != "admin@example.org" {
			t.Fatalf("revoke events: %+v", ev)
		}
		// The account itself works again, and new tokens do.
		if _, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password); err != nil {
			t.Fatalf("login after enable: %v", err)
		}
		raw, _, err := s.CreateAPIToken(ctx, nil, models.Meta{}, "ed@example.org", "new")
		if err != nil {
			t.Fatal(err)
		}
		if u, err := s.TokenUser(ctx, raw); err != nil || u.ID != ed.ID {
			t.Fatalf("new token: %v", err)
		}
	})
}

// warmPool opens n connections to Postgres, so that n transactions can
// start at once rather than one after another as connections are made.
func warmPool(s *models.Store, n int) {
	if s.Dialect() != migrations.Postgres {
		return
	}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { _ = s.ExecForTest(context.Background(), "SELECT pg_sleep(0.1)") })
	}
	wg.Wait()
}

func TestConcurrentFirstAdminsMakeOne(t *testing.T) {
	modelstest.ForEach(t, models.Config{PasswordHashers: 8, HashWait: time.Minute}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		warmPool(s, 8)
		// Every setup hashes its password, then waits for the others to
		// have hashed too, so that all eight reach the database at once.
		var hashed sync.WaitGroup
		hashed.Add(8)
		s.OnHashForTest(func() func() {
			return func() { hashed.Done(); hashed.Wait() }
		})
		var wg sync.WaitGroup
		var made, refused atomic.Int64
		for i := range 8 {
			wg.Go(func() {
				_, err := s.CreateFirstAdmin(ctx, models.Meta{}, models.NewUser{Email: fmt.Sprintf("boss%d@example.org", i), Name: "Boss", Password: modelstest.Password})
				switch {
				case err == nil:
					made.Add(1)
				case errors.Is(err, models.ErrConflict):
					refused.Add(1)
				default:
					t.Errorf("first admin %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		if n, _ := s.CountUsers(ctx); n != 1 || made.Load() != 1 || refused.Load() != 7 {
			t.Fatalf("8 concurrent setups: %d users, %d made, %d refused; want 1, 1, 7", n, made.Load(), refused.Load())
		}
	})
}
