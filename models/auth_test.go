package models_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestPasswordRules(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	ctx := context.Background()
	cases := []struct {
		name, password, field string
	}{
		{"too short", "short pass", "password"},
		{"eleven runes", "ééééééééééé", "password"},
		{"too long is refused, not truncated", strings.Repeat("x", models.MaxPasswordLen+1), "password"},
		{"empty", "", "password"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: "a@example.org", Name: "A", Role: models.RoleEditor, Password: c.password})
			if f := models.FieldErrors(err); f[c.field] == "" {
				t.Fatalf("err = %v, want a %s field error", err, c.field)
			}
		})
	}
	// The longest allowed password works in full: a change in its last character fails.
	long := strings.Repeat("y", models.MaxPasswordLen)
	if _, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: "long@example.org", Name: "L", Role: models.RoleEditor, Password: long}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Login(ctx, models.Meta{}, "long@example.org", long[:len(long)-1]+"z"); !errors.Is(err, models.ErrBadCredentials) {
		t.Fatalf("login with a different last character: %v", err)
	}
	if _, _, err := s.Login(ctx, models.Meta{}, "LONG@example.org ", long); err != nil {
		t.Fatalf("login with case-folded email: %v", err)
	}
}

func TestUserValidation(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	ctx := context.Background()
	modelstest.User(t, s, "taken@example.org", models.RoleEditor)
	cases := []struct {
		in    models.NewUser
		field string
	}{
		{models.NewUser{Email: "not-an-email", Name: "X", Role: models.RoleEditor, Password: modelstest.Password}, "email"},
		{models.NewUser{Email: "TAKEN@example.org", Name: "X", Role: models.RoleEditor, Password: modelstest.Password}, "email"},
		{models.NewUser{Email: "x@example.org", Name: " ", Role: models.RoleEditor, Password: modelstest.Password}, "name"},
		{models.NewUser{Email: "x@example.org", Name: "X", Role: "owner", Password: modelstest.Password}, "role"},
	}
	for _, c := range cases {
		_, err := s.CreateUser(ctx, nil, models.Meta{}, c.in)
		if f := models.FieldErrors(err); f[c.field] == "" {
			t.Errorf("%+v: err = %v, want a %s field error", c.in, err, c.field)
		}
	}
	if n, _ := s.CountUsers(ctx); n != 1 {
		t.Fatalf("users = %d after refused inputs, want 1", n)
	}
}

func TestFirstAdminOnlyOnce(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		in := models.NewUser{Email: "boss@example.org", Name: "Boss", Password: modelstest.Password}
		u, err := s.CreateFirstAdmin(ctx, models.Meta{}, in)
		if err != nil {
			t.Fatal(err)
		}
		if u.Role != models.RoleAdmin {
			t.Fatalf("role = %s", u.Role)
		}
		in.Email = "second@example.org"
		if _, err := s.CreateFirstAdmin(ctx, models.Meta{}, in); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("second first-admin: %v, want ErrConflict", err)
		}
	})
}

func TestSessionsLifecycle(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	cfg := models.Config{Now: clock, SessionIdle: time.Hour, SessionLifetime: 24 * time.Hour}
	modelstest.ForEach(t, cfg, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		start := now
		t.Cleanup(func() { now = start })

		if _, _, err := s.Login(ctx, models.Meta{IP: "192.0.2.1"}, "ed@example.org", "wrong password here"); !errors.Is(err, models.ErrBadCredentials) {
			t.Fatalf("wrong password: %v", err)
		}
		if _, _, err := s.Login(ctx, models.Meta{}, "nobody@example.org", modelstest.Password); !errors.Is(err, models.ErrBadCredentials) {
			t.Fatalf("unknown email: %v", err)
		}
		fails, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "login.failure"})
		if len(fails) != 2 || fails[1].IP != "192.0.2.1" || fails[1].Actor != "ed@example.org" {
			t.Fatalf("login failures audited: %+v", fails)
		}

		tok1, u, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password)
		if err != nil || u.ID != ed.ID {
			t.Fatalf("login: %v", err)
		}
		tok2, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password)
		if err != nil || tok1 == tok2 || len(tok1) < 40 {
			t.Fatalf("second login gave %q vs %q, %v: want a fresh long token", tok2, tok1, err)
		}
		if got, err := s.SessionUser(ctx, tok1); err != nil || got.Email != "ed@example.org" {
			t.Fatalf("session user: %v %v", got, err)
		}
		if _, err := s.SessionUser(ctx, tok1+"x"); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("forged token: %v", err)
		}

		// Logout ends that session only.
		if err := s.Logout(ctx, models.Meta{}, tok1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, tok1); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("after logout: %v", err)
		}
		if _, err := s.SessionUser(ctx, tok2); err != nil {
			t.Fatalf("other session after logout: %v", err)
		}

		// A role change shows on the next lookup.
		rev := models.RoleReviewer
		if _, err := s.UpdateUser(ctx, admin, models.Meta{}, ed.ID, models.UserChange{Role: &rev}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SessionUser(ctx, tok2); got == nil || got.Role != models.RoleReviewer {
			t.Fatalf("role after change: %+v", got)
		}

		// Idle timeout, then absolute lifetime.
		now = now.Add(59 * time.Minute)
		if _, err := s.SessionUser(ctx, tok2); err != nil {
			t.Fatalf("within idle: %v", err)
		}
		now = now.Add(61 * time.Minute)
		if _, err := s.SessionUser(ctx, tok2); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("after idle timeout: %v", err)
		}
		tok3, _, _ := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password)
		for range 25 {
			now = now.Add(58 * time.Minute)
			if _, err := s.SessionUser(ctx, tok3); err != nil {
				break
			}
		}
		if _, err := s.SessionUser(ctx, tok3); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("session outlived its lifetime: %v", err)
		}

		// Disabling ends sessions and stops tokens at once.
		tok4, _, _ := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password)
		apiTok, _, err := s.CreateAPIToken(ctx, nil, models.Meta{}, "ed@example.org", "script")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, apiTok); err != nil {
			t.Fatal(err)
		}
		yes := true
		if _, err := s.UpdateUser(ctx, admin, models.Meta{}, ed.ID, models.UserChange{Disabled: &yes}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, tok4); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("session after disable: %v", err)
		}
		if n, _ := s.CountSessions(ctx, ed.ID); n != 0 {
			t.Fatalf("sessions after disable = %d", n)
		}
		if _, err := s.TokenUser(ctx, apiTok); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("token after disable: %v", err)
		}
		if _, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password); !errors.Is(err, models.ErrBadCredentials) {
			t.Fatalf("disabled login: %v", err)
		}
	})
}

func TestAPITokens(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		other := modelstest.User(t, s, "other@example.org", models.RoleEditor)
		raw, tok, err := s.CreateAPIToken(ctx, ed, models.Meta{}, "ed@example.org", "laptop")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(raw, tok.Prefix) || strings.Contains(tok.TokenHash, raw) {
			t.Fatalf("token %q stored as %+v", raw, tok)
		}
		if _, _, err := s.CreateAPIToken(ctx, other, models.Meta{}, "ed@example.org", "sneaky"); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("token for someone else: %v", err)
		}
		if u, err := s.TokenUser(ctx, raw); err != nil || u.ID != ed.ID {
			t.Fatalf("token user: %v %v", u, err)
		}
		if err := s.RevokeAPIToken(ctx, other, models.Meta{}, tok.ID); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("revoke someone else's token: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, ed, models.Meta{}, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, raw); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("revoked token: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, ed, models.Meta{}, 9999); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("unknown token: %v", err)
		}
	})
}

func TestOnlyAdminsManageUsers(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	ctx := context.Background()
	admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
	rev := modelstest.User(t, s, "rev@example.org", models.RoleReviewer)
	ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
	role := models.RoleAdmin
	if _, err := s.UpdateUser(ctx, rev, models.Meta{}, ed.ID, models.UserChange{Role: &role}); !errors.Is(err, models.ErrForbidden) {
		t.Fatalf("reviewer promoting: %v", err)
	}
	if _, err := s.CreateUser(ctx, rev, models.Meta{}, models.NewUser{Email: "n@example.org", Name: "N", Role: models.RoleEditor, Password: modelstest.Password}); !errors.Is(err, models.ErrForbidden) {
		t.Fatalf("reviewer creating user: %v", err)
	}
	yes := true
	if _, err := s.UpdateUser(ctx, admin, models.Meta{}, admin.ID, models.UserChange{Disabled: &yes}); !errors.Is(err, models.ErrForbidden) {
		t.Fatalf("admin disabling self: %v", err)
	}
	if _, err := s.UpdateUser(ctx, admin, models.Meta{}, 4242, models.UserChange{Disabled: &yes}); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("unknown user: %v", err)
	}
	got, err := s.GetUser(ctx, ed.ID)
	if err != nil || got.Role != models.RoleEditor {
		t.Fatalf("editor changed by refused calls: %+v %v", got, err)
	}
}
