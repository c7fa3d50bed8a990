package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// varies reports whether the response's Vary header names field.
func varies(h http.Header, field string) bool {
	for _, line := range h.Values("Vary") {
		for _, v := range strings.Split(line, ",") {
			if strings.EqualFold(strings.TrimSpace(v), field) {
				return true
			}
		}
	}
	return false
}

// API answers other than the public ones, errors included, and the pages
// of the desk, the admin and signing in carry newsroom or account data: no
// cache may keep them. /api/v1/me and API errors used to go without.
func TestPrivateAnswersAreNotStored(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			admin, _ := e.login(t, "boss@example.org", models.RoleAdmin)
			anon := e.client(t)
			big := strings.NewReader(`{"text":"` + strings.Repeat("a", 2<<20) + `"}`)
			type call struct {
				name   string
				status int
				res    result
			}
			api := func(name string, status int, who, method, path, body string) call {
				return call{name, status, e.call(t, who, method, path, body).result}
			}
			calls := []call{
				api("me", 200, asEditor, "GET", "/api/v1/me", ""),
				api("me without a token", 401, asNone, "GET", "/api/v1/me", ""),
				api("no such claim", 404, asEditor, "GET", "/api/v1/claims/999999", ""),
				api("no such route", 404, asEditor, "GET", "/api/v1/nothing-here", ""),
				api("invalid claim", 422, asEditor, "POST", "/api/v1/claims", `{"text":""}`),
				api("not JSON", 400, asEditor, "POST", "/api/v1/claims", `{`),
				api("not an admin", 403, asEditor, "POST", "/api/v1/ratings", `{"label":"x"}`),
				{"too large", 413, e.send(t, asEditor, "POST", "/api/v1/claims", big, "application/json").result},
				{"sign-in page", 200, e.get(t, anon, "/login")},
				{"sign-in, wrong method", 405, e.do(t, anon, "PUT", "/login", nil, nil)},
				{"wrong password", 401, e.post(t, anon, "/login", url.Values{"email": {"desk@example.org"}, "password": {"not the password"}})},
				{"signed in", 303, e.post(t, e.client(t), "/login", url.Values{"email": {"desk@example.org"}, "password": {modelstest.Password}})},
				{"desk", 200, e.get(t, desk, "/desk")},
				{"desk without a session", 303, e.get(t, anon, "/desk/claims")},
				{"desk, no such claim", 404, e.get(t, desk, "/desk/claims/999999")},
				{"admin", 200, e.get(t, admin, "/admin/users")},
				{"admin as an editor", 403, e.get(t, desk, "/admin/users")},
				{"first run, closed", 404, e.get(t, anon, "/setup?token=wrong")},
				{"reset link, unknown", 404, e.get(t, anon, "/reset?token=wrong")},
				{"second step, no pending sign-in", 303, e.get(t, anon, "/login/code")},
				{"sign out", 303, e.post(t, e.client(t), "/logout", url.Values{})},
			}
			for _, c := range calls {
				if c.res.status != c.status {
					t.Errorf("%s: status %d, want %d", c.name, c.res.status, c.status)
				}
				if got := c.res.header.Get("Cache-Control"); got != "no-store" {
					t.Errorf("%s (%d): Cache-Control %q, want no-store", c.name, c.res.status, got)
				}
			}
			// The public API is public: it may be cached.
			if r := e.get(t, anon, "/api/v1/public/claims"); r.status != 200 || r.header.Get("Cache-Control") == "no-store" {
				t.Errorf("public API: %d %q", r.status, r.header.Get("Cache-Control"))
			}
		})
	}
}

// Every page shows who is signed in, so every page varies by the session
// cookie, and the public page cache never hands one reader's page to the
// other: nobody's page to a signed-in editor, the editor's to nobody.
func TestPagesVaryByCookieAndCacheOnlyForNobody(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			pub := e.published(t, "Wages rose by ten percent")
			claim, err := e.store.GetClaim(e.ctx(), pub.ID)
			if err != nil {
				t.Fatal(err)
			}
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			anon := e.client(t)
			const name = "Test desk" // the editor's name, in the signed-in masthead
			paths := []string{"/", "/claims/" + pub.Slug, "/people", "/people/" + claim.Person.Slug, "/search?q=wages", "/methodology"}
			for _, p := range paths {
				// The editor comes first, to a cold cache; then nobody; then the editor again.
				for i, step := range []struct {
					c      *http.Client
					signed bool
				}{{desk, true}, {anon, false}, {desk, true}} {
					r := e.get(t, step.c, p)
					if r.status != http.StatusOK {
						t.Fatalf("%s (%d): status %d", p, i, r.status)
					}
					if !varies(r.header, "Cookie") || !varies(r.header, "Accept-Encoding") {
						t.Errorf("%s (%d): Vary %q", p, i, r.header.Values("Vary"))
					}
					if got := strings.Contains(r.body, name); got != step.signed {
						t.Errorf("%s (%d): page names the editor: %v, want %v", p, i, got, step.signed)
					}
					if step.signed && r.header.Get("Cache-Control") != "private, no-store" {
						t.Errorf("%s (%d): signed-in Cache-Control %q", p, i, r.header.Get("Cache-Control"))
					}
				}
				// Nobody's copy is not good for the editor: no 304 on its ETag.
				a := e.get(t, anon, p)
				etag := a.header.Get("ETag")
				if etag == "" {
					t.Errorf("%s: no ETag for nobody", p)
					continue
				}
				if r := e.do(t, anon, "GET", p, nil, map[string]string{"If-None-Match": etag}); r.status != http.StatusNotModified || !varies(r.header, "Cookie") {
					t.Errorf("%s: nobody revalidating: %d, Vary %q", p, r.status, r.header.Values("Vary"))
				}
				if r := e.do(t, desk, "GET", p, nil, map[string]string{"If-None-Match": etag}); r.status != http.StatusOK || !strings.Contains(r.body, name) {
					t.Errorf("%s: the editor with nobody's ETag: %d", p, r.status)
				}
			}
			// Error pages show the masthead too.
			if r := e.get(t, anon, "/claims/no-such-claim"); r.status != http.StatusNotFound || !varies(r.header, "Cookie") {
				t.Errorf("404 page: %d, Vary %q", r.status, r.header.Values("Vary"))
			}
		})
	}
}
