package models_test

import (
	"context"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestPasswordHashCost: a server hashes at OWASP's argon2id minimum, and a
// hash keeps its own cost, so that accounts made at one cost sign in on a
// store set to another (the light cost of the test suites, or a future
// stronger default).
func TestPasswordHashCost(t *testing.T) {
	ctx := context.Background()
	dsn := modelstest.DSN(t, "sqlite")
	server := modelstest.OpenDSN(t, "sqlite", dsn, models.Config{PasswordHashCost: models.DefaultPasswordHashCost})
	light := modelstest.OpenDSN(t, "sqlite", dsn, models.Config{})

	strong := modelstest.User(t, server, "strong@example.com", models.RoleEditor)
	weak := modelstest.User(t, light, "weak@example.com", models.RoleEditor)
	if !strings.Contains(strong.PasswordHash, "$m=19456,t=2,p=1$") {
		t.Errorf("a server's hash is %q, not at OWASP's minimum (m=19456, t=2, p=1)", strong.PasswordHash)
	}
	if !strings.Contains(weak.PasswordHash, "$m=64,t=1,p=1$") {
		t.Errorf("a test store's hash is %q, not at the light cost", weak.PasswordHash)
	}
	for _, c := range []struct {
		store *models.Store
		email string
	}{{server, "weak@example.com"}, {light, "strong@example.com"}} {
		if _, _, err := c.store.Login(ctx, models.Meta{}, c.email, modelstest.Password); err != nil {
			t.Errorf("sign in as %s on a store of another cost: %v", c.email, err)
		}
		if _, _, err := c.store.Login(ctx, models.Meta{}, c.email, "not the password at all"); err == nil {
			t.Errorf("%s signed in with a wrong password", c.email)
		}
	}
}
