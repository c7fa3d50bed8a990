package handlers_test

import (
	"net/http"
	"testing"

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
				"/api/v1/public/claims", "/api/v1/public/claims/" + c.Slug, "/robots.txt", "/healthz", css, "/login"}
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
