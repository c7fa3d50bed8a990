package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestHeadAnswersLikeGetWithoutTheBody: every page and document a reader,
// crawler or monitor may ask for answers HEAD as it answers GET, with the
// same validators and no body (RFC 9110 §9.3.2), and 304 to a conditional
// HEAD while the page is unchanged.
func TestHeadAnswersLikeGetWithoutTheBody(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			css := doc(t, ts.get(t, cl, "/").body).Find(`link[rel="stylesheet"]`).AttrOr("href", "")
			paths := []string{"/", "/claims/" + c.Slug, "/people", "/people/jeff-sessions", "/search?q=russians", "/methodology",
				"/feed.atom", "/corrections.atom", "/sitemap.xml", "/claimreview.json", "/export.csv",
				"/api/v1/public/claims", "/api/v1/public/claims/" + c.Slug, "/robots.txt", "/healthz", css, "/login",
				"/claims/" + c.Slug + "/share.png", "/claims/" + c.Slug + "/embed", "/oembed?url=" + url.QueryEscape(ts.URL+"/claims/"+c.Slug)}
			for _, path := range paths {
				get := ts.get(t, cl, path)
				head := ts.do(t, cl, http.MethodHead, path, nil, nil)
				if get.status != http.StatusOK || head.status != http.StatusOK || head.body != "" {
					t.Errorf("HEAD %s: %d %q (GET: %d)", path, head.status, head.body, get.status)
					continue
				}
				for _, f := range []string{"ETag", "Content-Type", "Cache-Control"} {
					if head.header.Get(f) != get.header.Get(f) {
						t.Errorf("HEAD %s: %s %q, GET gives %q", path, f, head.header.Get(f), get.header.Get(f))
					}
				}
				if etag := get.header.Get("ETag"); etag != "" {
					again := ts.do(t, cl, http.MethodHead, path, nil, map[string]string{"If-None-Match": etag})
					if again.status != http.StatusNotModified {
						t.Errorf("conditional HEAD %s: %d", path, again.status)
					}
				}
			}
		})
	}
}

// HEAD was 404 on the desk, administration, account and API pages, which
// GET answers. Every GET route now has its HEAD, which answers as GET does
// (status and headers, here with the signed-in user's session or token)
// without the body.
func TestEveryGetRouteAnswersHead(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			routes := map[string]bool{}
			for _, rt := range e.echo.Routes() {
				routes[rt.Method+" "+rt.Path] = true
			}
			for key := range routes {
				if path, ok := strings.CutPrefix(key, "GET "); ok && !routes["HEAD "+path] {
					t.Errorf("GET %s has no HEAD", path)
				}
			}

			pub := e.published(t, "Wages rose by ten percent")
			admin, _ := e.login(t, "head-admin@example.org", models.RoleAdmin)
			id := apiItoa(pub.ID)
			pages := []string{"/desk", "/desk/claims", "/desk/claims?status=sent_back", "/desk/claims/" + id, "/desk/claims/" + id + "/history",
				"/desk/articles", "/desk/articles/new", "/desk/review", "/admin", "/admin/users", "/admin/ratings", "/admin/settings",
				"/account", "/account/password"}
			for _, path := range pages {
				get := e.get(t, admin, path)
				head := e.do(t, admin, http.MethodHead, path, nil, nil)
				sameAnswer(t, path, get, head, http.StatusOK)
			}
			for _, path := range []string{"/api/v1/me", "/api/v1/claims", "/api/v1/claims/" + id, "/api/v1/claims/" + id + "/history", "/api/v1/ratings", "/api/v1/ratings/false"} {
				for _, who := range []string{asEditor, asNone} {
					get, head := e.call(t, who, http.MethodGet, path, ""), e.call(t, who, http.MethodHead, path, "")
					want := http.StatusOK
					if who == asNone {
						want = http.StatusUnauthorized
					}
					sameAnswer(t, who+" "+path, get.result, head.result, want)
				}
			}
		})
	}
}

// sameAnswer checks that head answers as get does, with status, and has
// no body.
func sameAnswer(t *testing.T, what string, get, head result, status int) {
	t.Helper()
	if get.status != status || head.status != status || head.body != "" {
		t.Errorf("HEAD %s: %d with %d bytes; GET: %d, want %d", what, head.status, len(head.body), get.status, status)
		return
	}
	for _, f := range []string{"Content-Type", "Cache-Control", "ETag", "Vary"} {
		if head.header.Get(f) != get.header.Get(f) {
			t.Errorf("HEAD %s: %s %q, GET gives %q", what, f, head.header.Get(f), get.header.Get(f))
		}
	}
}
