package models_test

import (
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The HTTP layer refuses control characters where it decodes requests; the
// store refuses them too, whoever calls it (command line, demo loader).
func TestStoreRefusesControlCharacters(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		for _, c := range []struct {
			field string
			edit  func(*models.ClaimInput)
		}{
			{"text", func(in *models.ClaimInput) { in.Text = "I did not\x00 have communications" }},
			{"summary", func(in *models.ClaimInput) { in.Summary = "Sessions \x02forged\x03" }},
			{"speaker", func(in *models.ClaimInput) { in.Speaker = "Jeff\x1b[31m Sessions" }},
			{"setting", func(in *models.ClaimInput) { in.Setting = "Senate\u0085hearing" }},
			{"text", func(in *models.ClaimInput) { in.Text = "not \xff UTF-8" }},
		} {
			in := sworn()
			c.edit(&in)
			_, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			why := models.FieldErrors(err)[c.field]
			if !strings.HasPrefix(why, "must not contain control characters") && why != "must be valid UTF-8 text" {
				t.Errorf("%s %q: %v", c.field, in.Text+in.Summary+in.Speaker+in.Setting, err)
			}
		}
		// Tab and line ends are text in fields that may span lines.
		in := sworn()
		in.Text = "I did not have\tcommunications\r\nwith the Russians"
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, in); err != nil {
			t.Errorf("multi-line text refused: %v", err)
		}
		if _, err := s.CreatePerson(d.ctx, nil, d.m, models.PersonInput{Name: "Ann\x00 Lee"}); models.FieldErrors(err)["name"] == "" {
			t.Errorf("person name with NUL: %v", err)
		}
		_, err := s.CreateUser(d.ctx, nil, d.m, models.NewUser{Email: "nul@example.org", Name: "Nul\x00", Role: models.RoleEditor, Password: "pass\x00word is long"})
		if fe := models.FieldErrors(err); fe["name"] == "" || fe["password"] != "must not contain control characters (U+0000)" {
			t.Errorf("account with NUL: %v", err)
		}
		if _, _, err := s.CreateAPIToken(d.ctx, nil, d.m, "ed@example.org", "script\x00"); models.FieldErrors(err)["name"] != "must not contain control characters (U+0000)" {
			t.Errorf("token name with NUL: %v", err)
		}
		if n, err := s.CountUsers(d.ctx); err != nil || n != 5 {
			t.Errorf("users: %d %v", n, err)
		}
	})
}
