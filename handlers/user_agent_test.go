package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A User-Agent is kept with the session and shown on the account page: bytes
// that are not UTF-8 (a 500 on Postgres before) and bidi overrides (which
// turned the "this browser" label around) are scrubbed, never refused.
func TestHostileUserAgentIsScrubbed(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
			c := ts.client(t)
			form := url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}}
			r := ts.do(t, c, "POST", "/login", strings.NewReader(form.Encode()), map[string]string{"User-Agent": "bad\xff\xfe\u202eAU"})
			if r.status != http.StatusSeeOther {
				t.Fatalf("sign-in with a hostile User-Agent: %d", r.status)
			}
			page := ts.do(t, c, "GET", "/account", nil, map[string]string{"User-Agent": "bad\xff\xfe\u202eAU"})
			if page.status != http.StatusOK || strings.ContainsRune(page.body, '\u202e') || !strings.Contains(page.body, "bad\uFFFDAU") {
				t.Fatalf("account page %d shows the User-Agent unscrubbed", page.status)
			}
		})
	}
}
