package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// minRole is the least role each desk and admin route needs. Every such
// route the server has must be listed here, so a new route cannot slip in
// without this test checking it.
var minRole = map[string]models.Role{
	"GET /desk":                                    models.RoleEditor,
	"GET /desk/review":                             models.RoleReviewer,
	"GET /desk/inbox":                              models.RoleEditor,
	"POST /desk/inbox/read":                        models.RoleEditor,
	"POST /desk/inbox/:id/read":                    models.RoleEditor,
	"GET /desk/articles":                           models.RoleEditor,
	"GET /desk/articles/new":                       models.RoleEditor,
	"POST /desk/articles":                          models.RoleEditor,
	"GET /desk/articles/:id":                       models.RoleEditor,
	"POST /desk/articles/:id/delete":               models.RoleEditor,
	"GET /desk/claims":                             models.RoleEditor,
	"GET /desk/claims/new":                         models.RoleEditor,
	"GET /desk/claims/similar":                     models.RoleEditor,
	"POST /desk/claims":                            models.RoleEditor,
	"POST /desk/claims/bulk":                       models.RoleEditor,
	"GET /desk/claims/:id":                         models.RoleEditor,
	"GET /desk/claims/:id/edit":                    models.RoleEditor,
	"POST /desk/claims/:id":                        models.RoleEditor,
	"GET /desk/claims/:id/history":                 models.RoleEditor,
	"POST /desk/claims/:id/sources":                models.RoleEditor,
	"POST /desk/claims/:id/verdicts":               models.RoleEditor,
	"POST /desk/claims/:id/corrections":            models.RoleEditor,
	"POST /desk/claims/:id/retract":                models.RoleReviewer,
	"POST /desk/claims/:id/delete":                 models.RoleEditor,
	"POST /desk/claims/:id/triage":                 models.RoleEditor,
	"POST /desk/claims/:id/research":               models.RoleEditor,
	"POST /desk/claims/:id/notes":                  models.RoleEditor,
	"GET /desk/sources/broken":                     models.RoleEditor,
	"GET /desk/sources/:id/edit":                   models.RoleEditor,
	"POST /desk/sources/:id":                       models.RoleEditor,
	"POST /desk/sources/:id/delete":                models.RoleEditor,
	"POST /desk/files/:id/delete":                  models.RoleEditor,
	"POST /desk/verdicts/:id":                      models.RoleEditor,
	"POST /desk/verdicts/:id/reviews":              models.RoleReviewer,
	"GET /desk/people":                             models.RoleEditor,
	"GET /desk/people/:id":                         models.RoleEditor,
	"POST /desk/people/:id":                        models.RoleEditor,
	"POST /desk/people/:id/merge":                  models.RoleReviewer,
	"POST /desk/people/:id/delete":                 models.RoleReviewer,
	"GET /admin":                                   models.RoleAdmin,
	"GET /admin/ratings":                           models.RoleAdmin,
	"POST /admin/ratings":                          models.RoleAdmin,
	"POST /admin/ratings/:slug":                    models.RoleAdmin,
	"GET /admin/users":                             models.RoleAdmin,
	"POST /admin/users":                            models.RoleAdmin,
	"GET /admin/users/:id":                         models.RoleAdmin,
	"POST /admin/users/:id":                        models.RoleAdmin,
	"POST /admin/users/:id/tokens":                 models.RoleAdmin,
	"POST /admin/tokens/:id/revoke":                models.RoleAdmin,
	"GET /admin/settings":                          models.RoleAdmin,
	"POST /admin/settings":                         models.RoleAdmin,
	"POST /admin/users/:id/reset-link":             models.RoleAdmin,
	"GET /admin/jobs":                              models.RoleAdmin,
	"POST /admin/jobs/:id/retry":                   models.RoleAdmin,
	"GET /admin/webhooks":                          models.RoleAdmin,
	"POST /admin/webhooks":                         models.RoleAdmin,
	"GET /admin/webhooks/:id":                      models.RoleAdmin,
	"POST /admin/webhooks/:id/active":              models.RoleAdmin,
	"POST /admin/webhooks/:id/delete":              models.RoleAdmin,
	"POST /admin/webhook-deliveries/:id/redeliver": models.RoleAdmin,
	"POST /desk/claims/:id/updates":                models.RoleEditor,
	"GET /desk/updates/:id":                        models.RoleEditor,
	"POST /desk/updates/:id":                       models.RoleEditor,
	"POST /desk/updates/:id/withdraw":              models.RoleEditor,
	"GET /account":                                 models.RoleEditor,
	"GET /account/password":                        models.RoleEditor,
	"POST /account/password":                       models.RoleEditor,
	"POST /account/sessions/:id/revoke":            models.RoleEditor,
	"POST /account/tokens/:id/revoke":              models.RoleEditor,
	"GET /account/two-factor":                      models.RoleEditor,
	"POST /account/two-factor/setup":               models.RoleEditor,
	"GET /account/two-factor/qr.png":               models.RoleEditor,
	"POST /account/two-factor/confirm":             models.RoleEditor,
	"POST /account/two-factor/recovery-codes":      models.RoleEditor,
	"POST /account/language":                       models.RoleEditor,
	"POST /account/email":                          models.RoleEditor,
	"POST /account/two-factor/disable":             models.RoleEditor,
}

func TestEveryDeskRouteRefusesTheWrongPeople(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			browsers := map[models.Role]*http.Client{}
			for _, r := range models.Roles {
				browsers[r], _ = ts.login(t, string(r)+"@example.org", r)
			}
			target := modelstest.User(t, ts.store, "target@example.org", models.RoleEditor)
			tok, _, err := ts.store.CreateAPIToken(context.Background(), nil, models.Meta{}, "target@example.org", "t")
			if err != nil || tok == "" {
				t.Fatal(err)
			}
			toks, _ := ts.store.ListAPITokens(context.Background(), target.ID)
			seen := 0
			for _, rt := range ts.echo.Routes() {
				if rt.Method == "echo_route_not_found" {
					continue // a group's catch-all: unknown paths, behind the same guard
				}
				if !strings.HasPrefix(rt.Path, "/desk") && !strings.HasPrefix(rt.Path, "/admin") && !strings.HasPrefix(rt.Path, "/account") {
					continue
				}
				key := rt.Method + " " + rt.Path
				head := rt.Method == http.MethodHead
				if head {
					// HEAD answers as GET does, with GET's access.
					key = http.MethodGet + " " + rt.Path
				}
				need, ok := minRole[key]
				if !ok {
					t.Errorf("route %s has no declared role in this test", key)
					continue
				}
				if !head {
					seen++
				}
				path := strings.ReplaceAll(rt.Path, ":id", strconv.Itoa(int(target.ID)))
				if strings.Contains(rt.Path, "/tokens/") {
					path = strings.ReplaceAll(rt.Path, ":id", strconv.Itoa(int(toks[0].ID)))
				}
				anon := ts.do(t, ts.client(t), rt.Method, path, strings.NewReader(""), nil)
				if anon.status != http.StatusSeeOther || !strings.HasPrefix(anon.header.Get("Location"), "/login") {
					t.Errorf("anonymous %s %s: %d → %q, want 303 to /login", rt.Method, path, anon.status, anon.header.Get("Location"))
				}
				for _, r := range models.Roles {
					if r.AtLeast(need) {
						continue
					}
					res := ts.do(t, browsers[r], rt.Method, path, strings.NewReader("role=admin&disabled=true&name=x"), nil)
					if res.status != http.StatusForbidden || (!head && !strings.Contains(res.body, "Your account may not do this.")) {
						t.Errorf("%s %s %s: %d, want 403 page", r, rt.Method, path, res.status)
					}
				}
			}
			if seen != len(minRole) {
				t.Errorf("checked %d routes, the table declares %d", seen, len(minRole))
			}
			// Nothing the refused requests asked for happened.
			u, _ := ts.store.GetUser(context.Background(), target.ID)
			if u.Role != models.RoleEditor || !u.Active() {
				t.Fatalf("target changed by refused requests: %+v", u)
			}
			if toks2, _ := ts.store.ListAPITokens(context.Background(), target.ID); len(toks2) != 1 || toks2[0].RevokedAt != nil {
				t.Fatalf("tokens changed by refused requests: %+v", toks2)
			}
		})
	}
}

func TestLoginLogoutAndSessionCookie(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
			c := ts.client(t)

			bad := ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {"not the password"}})
			if bad.status != http.StatusUnauthorized || !strings.Contains(bad.body, "Wrong email or password.") || !strings.Contains(bad.body, `value="ed@example.org"`) {
				t.Fatalf("wrong password: %d", bad.status)
			}
			if strings.Contains(bad.body, "not the password") {
				t.Fatal("the password was echoed back")
			}
			if ck := ts.sessionCookie(t, c); ck != nil {
				t.Fatalf("wrong password left a session cookie %v", ck)
			}
			missing := ts.post(t, c, "/login", url.Values{"email": {""}, "password": {""}})
			if missing.status != http.StatusUnprocessableEntity || !strings.Contains(missing.body, "Email is required") {
				t.Fatalf("empty login: %d", missing.status)
			}

			ok := ts.do(t, c, "POST", "/login", strings.NewReader(url.Values{"email": {"ED@example.org"}, "password": {modelstest.Password}, "next": {"/desk/review"}}.Encode()), nil)
			if ok.status != http.StatusSeeOther || ok.header.Get("Location") != "/desk/review" {
				t.Fatalf("login: %d → %q", ok.status, ok.header.Get("Location"))
			}
			raw := ok.header.Get("Set-Cookie")
			for _, want := range []string{"claimtracker_session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
				if !strings.Contains(raw, want) {
					t.Errorf("cookie %q lacks %s", raw, want)
				}
			}
			if strings.Contains(raw, "Secure") {
				t.Errorf("cookie %q is Secure on plain http", raw)
			}
			old := ts.sessionCookie(t, c)
			desk := ts.get(t, c, "/desk")
			if desk.status != 200 {
				t.Fatalf("desk after login: %d", desk.status)
			}
			mustContain(t, "desk", desk.body, "Good to see you, <bdi>Test ed</bdi>", "ed@example.org", `class="pill editor"`, "Sign out")

			// Logging in again gives a new session token.
			ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}})
			if now := ts.sessionCookie(t, c); now == nil || now.Value == old.Value {
				t.Fatal("second login reused the session token")
			}
			stale := ts.client(t)
			u, _ := url.Parse(ts.URL)
			stale.Jar.SetCookies(u, []*http.Cookie{old})
			if r := ts.get(t, stale, "/desk"); r.status != http.StatusSeeOther {
				t.Fatalf("replaced session still works: %d", r.status)
			}

			cur := ts.sessionCookie(t, c)
			out := ts.post(t, c, "/logout", nil)
			if out.status != http.StatusSeeOther {
				t.Fatalf("logout: %d", out.status)
			}
			// The old cookie, replayed, no longer opens the desk: the session is gone on the server.
			replay := ts.client(t)
			replay.Jar.SetCookies(u, []*http.Cookie{cur})
			if r := ts.get(t, replay, "/desk"); r.status != http.StatusSeeOther {
				t.Fatalf("session after logout: %d", r.status)
			}
			events, _ := ts.store.AuditEvents(context.Background(), models.AuditQuery{ObjectType: "user"})
			var actions []string
			for _, e := range events {
				actions = append(actions, e.Action)
			}
			if got := strings.Join(actions, ","); !strings.HasPrefix(got, "logout,login.success,logout,login.success,login.failure") {
				t.Fatalf("audit trail: %s", got)
			}
		})
	}
}

func TestOpenRedirectRefused(t *testing.T) {
	ts := newServer(t, "sqlite")
	modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
	for _, next := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"} {
		c := ts.client(t)
		r := ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}, "next": {next}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/desk" {
			t.Errorf("next=%q → %q", next, r.header.Get("Location"))
		}
	}
}

func TestDisablingAUserEndsTheirSessionAtOnce(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			admin, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
			ed, edUser := ts.login(t, "ed@example.org", models.RoleEditor)
			tok, _, err := ts.store.CreateAPIToken(context.Background(), nil, models.Meta{}, "ed@example.org", "script")
			if err != nil {
				t.Fatal(err)
			}
			api := ts.client(t)
			bearer := map[string]string{"Authorization": "Bearer " + tok}
			if r := ts.do(t, api, "GET", "/api/v1/me", nil, bearer); r.status != 200 {
				t.Fatalf("token before disable: %d", r.status)
			}
			path := "/admin/users/" + strconv.Itoa(int(edUser.ID))
			if r := ts.post(t, admin, path, url.Values{"disabled": {"true"}}); r.status != http.StatusSeeOther {
				t.Fatalf("disable: %d %s", r.status, r.body)
			}
			if r := ts.get(t, ed, "/desk"); r.status != http.StatusSeeOther {
				t.Fatalf("disabled user's session: %d", r.status)
			}
			if r := ts.do(t, api, "GET", "/api/v1/me", nil, bearer); r.status != http.StatusUnauthorized {
				t.Fatalf("disabled user's token: %d", r.status)
			}
			relog := ts.post(t, ts.client(t), "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}})
			if relog.status != http.StatusUnauthorized {
				t.Fatalf("disabled user logs in: %d", relog.status)
			}
			// Enabling the account again does not bring its old token back.
			if r := ts.post(t, admin, path, url.Values{"disabled": {"false"}}); r.status != http.StatusSeeOther {
				t.Fatalf("enable: %d %s", r.status, r.body)
			}
			if r := ts.do(t, api, "GET", "/api/v1/me", nil, bearer); r.status != http.StatusUnauthorized {
				t.Fatalf("re-enabled user's old token: %d, want 401", r.status)
			}
			if r := ts.post(t, ts.client(t), "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}}); r.status != http.StatusSeeOther {
				t.Fatalf("re-enabled user logs in: %d", r.status)
			}
			// A role change shows on the user's next request.
			rev, revUser := ts.login(t, "rev@example.org", models.RoleReviewer)
			if r := ts.get(t, rev, "/desk/review"); r.status != 200 {
				t.Fatalf("reviewer queue: %d", r.status)
			}
			ts.post(t, admin, "/admin/users/"+strconv.Itoa(int(revUser.ID)), url.Values{"role": {"editor"}})
			if r := ts.get(t, rev, "/desk/review"); r.status != http.StatusForbidden {
				t.Fatalf("demoted reviewer's queue: %d", r.status)
			}
		})
	}
}

func TestAPIMe(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			u := modelstest.User(t, ts.store, "rev@example.org", models.RoleReviewer)
			me := `{"id":` + strconv.FormatUint(uint64(u.ID), 10) + `,"email":"rev@example.org","name":"Test rev","role":"reviewer"}` + "\n"
			tok, rec, err := ts.store.CreateAPIToken(context.Background(), nil, models.Meta{}, "rev@example.org", "script")
			if err != nil {
				t.Fatal(err)
			}
			c := ts.client(t)
			unauth := `{"error":{"code":"unauthorized","message":"A valid API token or session is required."}}` + "\n"
			cases := []struct {
				name, auth string
				status     int
				body       string
			}{
				{"good token", "Bearer " + tok, 200, me},
				{"lower-case scheme", "bearer " + tok, 200, me},
				{"missing", "", 401, unauth},
				{"wrong", "Bearer ct_nottherighttoken", 401, unauth},
				{"basic auth", "Basic cmV2OnB3", 401, unauth},
			}
			for _, tc := range cases {
				r := ts.do(t, c, "GET", "/api/v1/me", nil, map[string]string{"Authorization": tc.auth})
				if r.status != tc.status || r.body != tc.body {
					t.Errorf("%s: %d %q, want %d %q", tc.name, r.status, r.body, tc.status, tc.body)
				}
			}
			admin := modelstest.User(t, ts.store, "admin@example.org", models.RoleAdmin)
			if err := ts.store.RevokeAPIToken(context.Background(), admin, models.Meta{}, rec.ID); err != nil {
				t.Fatal(err)
			}
			if r := ts.do(t, c, "GET", "/api/v1/me", nil, map[string]string{"Authorization": "Bearer " + tok}); r.status != 401 || r.body != unauth {
				t.Fatalf("revoked token: %d %s", r.status, r.body)
			}
		})
	}
}

func TestCrossSitePostsAreRefused(t *testing.T) {
	ts := newServer(t, "sqlite")
	modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
	form := url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}}.Encode()
	cases := []struct {
		name   string
		hdr    map[string]string
		status int
	}{
		{"Sec-Fetch-Site cross-site", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"Sec-Fetch-Site same-site", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"foreign Origin", map[string]string{"Origin": "https://evil.example"}, 403},
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": ts.URL}, 303},
		{"no browser headers (a script)", nil, 303},
	}
	for _, tc := range cases {
		c := ts.client(t)
		r := ts.do(t, c, "POST", "/login", strings.NewReader(form), tc.hdr)
		if r.status != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, r.status, tc.status)
		}
		if tc.status == 403 {
			mustContain(t, tc.name, r.body, "sent from another site")
			if ts.sessionCookie(t, c) != nil {
				t.Errorf("%s: refused login set a session", tc.name)
			}
		}
	}
	// Logout is a POST too: a cross-site logout does not end the session.
	c, _ := ts.login(t, "x@example.org", models.RoleEditor)
	if r := ts.do(t, c, "POST", "/logout", nil, map[string]string{"Sec-Fetch-Site": "cross-site"}); r.status != 403 {
		t.Fatalf("cross-site logout: %d", r.status)
	}
	if r := ts.get(t, c, "/desk"); r.status != 200 {
		t.Fatalf("session after refused logout: %d", r.status)
	}
}

func TestOversizeBodiesGet413(t *testing.T) {
	ts := newServer(t, "sqlite")
	c, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
	big := "name=" + strings.Repeat("x", handlers.MaxBodyBytes+10)
	r := ts.do(t, c, "POST", "/admin/users", strings.NewReader(big), nil)
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "larger than 1 MiB") {
		t.Fatalf("oversize form: %d", r.status)
	}
	// Without Content-Length the limit still holds, and nothing is half-read.
	req, _ := http.NewRequest("POST", ts.URL+"/admin/users", &chunked{strings.NewReader(big + "&email=big%40example.org&role=editor&password=" + strings.Repeat("p", 20))})
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = -1
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked oversize form: %d", res.StatusCode)
	}
	if _, err := ts.store.UserByEmail(context.Background(), "big@example.org"); err == nil {
		t.Fatal("an oversize form created a user")
	}
	api := ts.do(t, ts.client(t), "POST", "/api/v1/me", strings.NewReader(big), map[string]string{"Content-Type": "application/json"})
	want := `{"error":{"code":"too_large","message":"The request is larger than 1 MiB."}}` + "\n"
	if api.status != http.StatusRequestEntityTooLarge || api.body != want {
		t.Fatalf("oversize API body: %d %q", api.status, api.body)
	}
}

// chunked hides its length, so the client sends the body chunked.
type chunked struct{ r *strings.Reader }

func (c *chunked) Read(p []byte) (int, error) { return c.r.Read(p) }

func TestFirstRunSetup(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			c := ts.client(t)
			if r := ts.get(t, c, "/setup?token=wrong"); r.status != 404 {
				t.Fatalf("wrong token: %d", r.status)
			}
			if r := ts.get(t, c, "/setup?token=setup-secret"); r.status != 200 || !strings.Contains(r.body, "Create the first admin") {
				t.Fatalf("setup page: %d", r.status)
			}
			short := ts.post(t, c, "/setup", url.Values{"token": {"setup-secret"}, "name": {"Boss"}, "email": {"boss@example.org"}, "password": {"short"}})
			if short.status != 422 || !strings.Contains(short.body, "Password must be at least 12 characters") || !strings.Contains(short.body, `value="boss@example.org"`) {
				t.Fatalf("short password: %d", short.status)
			}
			r := ts.post(t, c, "/setup", url.Values{"token": {"setup-secret"}, "name": {"Boss"}, "email": {"boss@example.org"}, "password": {modelstest.Password}})
			if r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/users" {
				t.Fatalf("setup: %d %q", r.status, r.header.Get("Location"))
			}
			if r := ts.get(t, c, "/admin/users"); r.status != 200 || !strings.Contains(r.body, "boss@example.org") {
				t.Fatalf("admin after setup: %d", r.status)
			}
			again := ts.post(t, ts.client(t), "/setup", url.Values{"token": {"setup-secret"}, "name": {"Eve"}, "email": {"eve@example.org"}, "password": {modelstest.Password}})
			if again.status != 404 {
				t.Fatalf("second setup: %d", again.status)
			}
			if r := ts.get(t, ts.client(t), "/setup?token=setup-secret"); r.status != 404 {
				t.Fatalf("setup page after setup: %d", r.status)
			}
			if n, _ := ts.store.CountUsers(context.Background()); n != 1 {
				t.Fatalf("users = %d", n)
			}
		})
	}
}

func TestHTTPSBaseURLHardensCookiesAndHeaders(t *testing.T) {
	ts := newServer(t, "sqlite", func(c *handlers.Config) {
		c.BaseURL = &url.URL{Scheme: "https", Host: "facts.example.org"}
	})
	modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
	r := ts.do(t, ts.client(t), "POST", "/login", strings.NewReader(url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}}.Encode()),
		map[string]string{"Origin": "https://facts.example.org"})
	ck := r.header.Get("Set-Cookie")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(ck, "__Host-claimtracker_session=") || !strings.Contains(ck, "Secure") {
		t.Fatalf("https login: %d, cookie %q", r.status, ck)
	}
	if hsts := r.header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Fatalf("HSTS = %q", hsts)
	}
}

func TestForwardedForIsNotTrusted(t *testing.T) {
	ts := newServer(t, "sqlite")
	ts.do(t, ts.client(t), "POST", "/login", strings.NewReader("email=x%40example.org&password=whatever-long-enough"),
		map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Real-Ip": "203.0.113.10"})
	ev, _ := ts.store.AuditEvents(context.Background(), models.AuditQuery{Action: "login.failure"})
	if len(ev) != 1 || ev[0].IP != "127.0.0.1" {
		t.Fatalf("audited IP: %+v", ev)
	}
}
