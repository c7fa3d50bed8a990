package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
	"claimtracker/static"
)

func TestPublicPagesAndHeaders(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			c := ts.client(t)
			cases := []struct {
				path   string
				status int
				ctype  string
				body   []string
			}{
				{"/", 200, "text/html; charset=UTF-8", []string{"Latest fact-checks", "No fact-checks are published yet.", `href="/login"`}},
				{"/methodology", 200, "text/html; charset=UTF-8", []string{"How we rate claims", "Mostly false", "one reviewer", "outside the true–false scale"}},
				{"/people", 200, "text/html; charset=UTF-8", []string{"Who said it", "No fact-checks are published yet."}},
				{"/healthz", 200, "application/json", []string{`{"status":"ok"}`}},
				{"/no/such/page", 404, "text/html; charset=UTF-8", []string{"Not found", "There is nothing at this address.", "Claimtracker"}},
				{"/login", 200, "text/html; charset=UTF-8", []string{`name="email"`, `name="password"`, `type="password"`}},
				{"/setup", 404, "text/html; charset=UTF-8", []string{"Not found"}},
				{"/api/v1/me", 401, "application/json", []string{`{"error":{"code":"unauthorized","message":"A valid API token or session is required."}}`}},
				{"/api/v1/nothing", 401, "application/json", []string{`"code":"unauthorized"`}},
			}
			for _, tc := range cases {
				r := ts.get(t, c, tc.path)
				if r.status != tc.status {
					t.Errorf("GET %s: status %d, want %d", tc.path, r.status, tc.status)
				}
				if got := r.header.Get("Content-Type"); got != tc.ctype {
					t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.ctype)
				}
				mustContain(t, "GET "+tc.path, r.body, tc.body...)
				csp := r.header.Get("Content-Security-Policy")
				for _, d := range []string{"default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
					if !strings.Contains(csp, d) {
						t.Errorf("GET %s: CSP %q lacks %s", tc.path, csp, d)
					}
				}
				if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
					t.Errorf("GET %s: missing nosniff or Referrer-Policy", tc.path)
				}
				if r.header.Get("Strict-Transport-Security") != "" {
					t.Errorf("GET %s: HSTS on plain http", tc.path)
				}
				if len(r.header.Get("X-Request-Id")) != 16 {
					t.Errorf("GET %s: request id %q", tc.path, r.header.Get("X-Request-Id"))
				}
			}
		})
	}
}

func TestStaticAssetsAreHashedAndImmutable(t *testing.T) {
	ts := newServer(t, "sqlite")
	c := ts.client(t)
	u := static.URL("style.css")
	r := ts.get(t, c, u)
	if r.status != 200 || r.header.Get("Cache-Control") != "public, max-age=31536000, immutable" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: %d %v", u, r.status, r.header)
	}
	mustContain(t, u, r.body, "--brand")
	r2 := ts.do(t, c, "GET", u, nil, map[string]string{"If-None-Match": r.header.Get("ETag")})
	if r2.status != http.StatusNotModified {
		t.Fatalf("conditional GET: %d", r2.status)
	}
	old := ts.get(t, c, "/static/000000000000/style.css")
	if old.status != 200 || old.header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("outdated hash: %d %q", old.status, old.header.Get("Cache-Control"))
	}
	if r := ts.get(t, c, "/static/x/nothing.css"); r.status != 404 {
		t.Fatalf("unknown asset: %d", r.status)
	}
	home := ts.get(t, c, "/")
	mustContain(t, "home", home.body, `href="`+u+`"`)
}

func TestHealthzFailsWhenTheDatabaseIsGone(t *testing.T) {
	ts := newServer(t, "sqlite")
	if err := ts.store.Close(); err != nil {
		t.Fatal(err)
	}
	r := ts.get(t, ts.client(t), "/healthz")
	if r.status != http.StatusServiceUnavailable || r.body != `{"status":"unavailable","reason":"the database does not answer"}`+"\n" {
		t.Fatalf("healthz on closed db: %d %q", r.status, r.body)
	}
}

func TestInternalErrorsShowAGenericPage(t *testing.T) {
	ts := newServer(t, "sqlite")
	c := ts.client(t)
	if err := ts.store.Close(); err != nil {
		t.Fatal(err)
	}
	r := ts.get(t, c, "/methodology")
	if r.status != http.StatusInternalServerError {
		t.Fatalf("status %d", r.status)
	}
	mustContain(t, "500 page", r.body, "Something went wrong", "The error has been logged.", "Claimtracker")
	for _, leak := range []string{"sql", "database is closed", "ratings"} {
		if strings.Contains(strings.ToLower(r.body), leak) {
			t.Errorf("500 page leaks %q", leak)
		}
	}
	api := ts.do(t, c, "GET", "/api/v1/me", nil, map[string]string{"Authorization": "Bearer ct_x"})
	if api.status != 500 || api.body != `{"error":{"code":"internal","message":"The error has been logged. Please try again later."}}`+"\n" {
		t.Fatalf("API 500: %d %s", api.status, api.body)
	}
}
