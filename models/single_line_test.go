package models_test

import (
	"context"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A name is one line whoever writes it: the command line and the demo go
// past the HTTP layer's input policy, so the store keeps the same rule.
// A line break in a display name reached e-mail headers and webhook
// payloads; running texts keep their lines.
func TestStoreKeepsSingleLineFieldsOnOneLine(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		for _, name := range []string{"Mal\r\nBcc: x@evil.test", "Mal\nOry", "Mal\u2028Ory", "Mal\tOry"} {
			_, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: "mal@example.org", Name: name, Role: models.RoleEditor, Password: "a long enough passphrase"})
			if models.FieldErrors(err)["name"] == "" {
				t.Errorf("user named %q: %v, want a name field error", name, err)
			}
			if _, err := s.CreateRating(ctx, admin, models.Meta{}, models.RatingInput{Label: name, Position: 9}); models.FieldErrors(err)["label"] == "" {
				t.Errorf("rating labelled %q: %v, want a label field error", name, err)
			}
			if _, err := s.CreatePerson(ctx, admin, models.Meta{}, models.PersonInput{Name: name}); models.FieldErrors(err)["name"] == "" {
				t.Errorf("person named %q: %v, want a name field error", name, err)
			}
		}
		if _, err := s.UserByEmail(ctx, "mal@example.org"); err == nil {
			t.Error("a refused account was written")
		}
		// A direction override is dropped from a name, as the HTTP layer
		// drops it, and the name is stored in NFC.
		u, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: "mal@example.org", Name: "Mal\u202eOry Jose\u0301", Role: models.RoleEditor, Password: "a long enough passphrase"})
		if err != nil || u.Name != "MalOry Jos\u00e9" {
			t.Errorf("a name with an override: %+v %v", u, err)
		}
		p, err := s.CreatePerson(ctx, admin, models.Meta{}, models.PersonInput{Name: "Mal Ory", Description: "First line.\nSecond line."})
		if err != nil || p.Description != "First line.\nSecond line." {
			t.Errorf("a description's lines: %+v %v", p, err)
		}
	})
}
