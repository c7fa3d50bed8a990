package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// archivedPage is a source's page whose script must never run from the
// archive.
const archivedPage = `<!doctype html><html><head><meta charset="utf-8"><title>Envoy meetings</title>
<script>document.title = "the script ran"</script></head><body><article><h1>Sessions met the envoy twice</h1>
<p>Jeff Sessions spoke twice last year with the Russian ambassador, officials said.</p></article></body></html>`

// archiveSource logs a claim whose one source is a page on a local
// server, archives it, and returns the claim and the snapshot's hash.
func archiveSource(t *testing.T, e *deskEnv) (*models.Claim, string) {
	t.Helper()
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, archivedPage)
	}))
	t.Cleanup(page.Close)
	ctx := context.Background()
	c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
	if err != nil {
		t.Fatal(err)
	}
	in := seedSources()[0]
	in.URL = page.URL + "/2017/03/01/sessions-envoy"
	src, err := e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	a := &archive.Archiver{Store: e.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}
	j := &models.Job{Kind: models.JobArchiveSource, Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5}
	if err := a.Run(ctx, j); err != nil {
		t.Fatal(err)
	}
	return c, models.SHA256Hex([]byte(archivedPage))
}

// publishClaim takes claim c through a verdict and its approval.
func publishClaim(t *testing.T, e *deskEnv, c *models.Claim) {
	t.Helper()
	ctx := context.Background()
	v, err := e.store.ProposeVerdict(ctx, e.edUser, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the envoy twice", Explanation: "Two meetings were reported."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.ReviewVerdict(ctx, e.revUser, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
}

// An archived page is served as it was kept, sandboxed, named by its hash,
// saying when and from where it was taken; the desk sees a draft's, the
// public only a published fact-check's; the claim page and both APIs link
// it.
func TestArchivedCopyIsServedSandboxed(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			anon := e.client(t)
			c, sum := archiveSource(t, e)
			path := "/archive/" + sum
			if r := e.get(t, anon, path); r.status != http.StatusNotFound || strings.Contains(r.body, "Sessions met") {
				t.Fatalf("a draft's archive, signed out: %d", r.status)
			}
			r := e.get(t, e.ed, path)
			if r.status != http.StatusOK || r.body != archivedPage || !strings.Contains(r.header.Get("Cache-Control"), "private") {
				t.Fatalf("the desk: %d %q %q", r.status, r.header.Get("Cache-Control"), r.body)
			}
			var apiClaim struct {
				Sources []struct{ Archive map[string]any } `json:"sources"`
			}
			tok, _, err := e.store.CreateAPIToken(context.Background(), nil, models.Meta{}, e.edUser.Email, "archive test")
			if err != nil {
				t.Fatal(err)
			}
			if r := e.do(t, anon, "GET", fmt.Sprintf("/api/v1/claims/%d", c.ID), nil, map[string]string{"Authorization": "Bearer " + tok}); r.status != 200 {
				t.Fatalf("desk API %d %s", r.status, r.body)
			} else if err := json.Unmarshal([]byte(r.body), &apiClaim); err != nil {
				t.Fatal(err)
			}
			if a := apiClaim.Sources[0].Archive; a["status"] != "archived" || a["sha256"] != sum || a["url"] != e.URL+path ||
				a["content_type"] != "text/html; charset=utf-8" || a["fetched_at"] == nil || a["error"] != nil {
				t.Fatalf("desk API archive %v", a)
			}

			before := e.get(t, anon, "/claims/"+c.Slug)
			publishClaim(t, e, c)
			r = e.get(t, anon, path)
			if r.status != http.StatusOK || r.body != archivedPage {
				t.Fatalf("published: %d", r.status)
			}
			h := r.header
			for name, want := range map[string]string{
				"Content-Type": "text/html; charset=utf-8", "X-Content-Type-Options": "nosniff", "ETag": `"` + sum + `"`,
				"Cache-Control": "public, max-age=3600",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s: %q, want %q", name, got, want)
				}
			}
			if csp := h.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox;") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
				t.Errorf("CSP %q", csp)
			}
			if h.Get("Memento-Datetime") == "" || !strings.Contains(h.Get("Link"), `/2017/03/01/sessions-envoy>; rel="original"`) {
				t.Errorf("Memento-Datetime %q, Link %q", h.Get("Memento-Datetime"), h.Get("Link"))
			}
			if r := e.do(t, anon, "GET", path, nil, map[string]string{"If-None-Match": `"` + sum + `"`}); r.status != http.StatusNotModified || r.body != "" {
				t.Errorf("If-None-Match: %d", r.status)
			}
			if r := e.do(t, anon, "GET", path, nil, map[string]string{"Range": "bytes=0-14"}); r.status != http.StatusPartialContent || r.body != archivedPage[:15] {
				t.Errorf("Range: %d %q", r.status, r.body)
			}
			if r := e.do(t, anon, "HEAD", path, nil, nil); r.status != http.StatusOK || r.body != "" || r.header.Get("ETag") == "" {
				t.Errorf("HEAD: %d", r.status)
			}
			for _, bad := range []string{models.SHA256Hex([]byte("never kept")), strings.ToUpper(sum), sum[:40], "..%2f..%2fetc%2fpasswd", sum + ".html"} {
				if r := e.get(t, anon, "/archive/"+bad); r.status != http.StatusNotFound {
					t.Errorf("/archive/%s: %d", bad, r.status)
				}
			}

			page := e.get(t, anon, "/claims/"+c.Slug)
			if before.status != 404 && strings.Contains(before.body, "Archived") {
				t.Fatal("a draft's page")
			}
			if page.status != 200 || !strings.Contains(page.body, `href="`+path+`"`) || !strings.Contains(page.body, ">"+sum[:12]+"<") || !strings.Contains(page.body, "Archived ") {
				t.Fatalf("the claim page does not link the archived copy:\n%s", page.body)
			}
			var pub struct {
				Sources []struct{ Archive map[string]any } `json:"sources"`
			}
			if r := e.get(t, anon, "/api/v1/public/claims/"+c.Slug); r.status != 200 {
				t.Fatalf("public API %d", r.status)
			} else if err := json.Unmarshal([]byte(r.body), &pub); err != nil {
				t.Fatal(err)
			}
			if a := pub.Sources[0].Archive; a["status"] != "archived" || a["sha256"] != sum || a["url"] != e.URL+path {
				t.Fatalf("public API archive %v", a)
			}
		})
	}
}

// Archiving a published fact-check's source moves its public version, so
// that a cached page, on this instance or another, shows the archive.
func TestArchivingMovesThePublicPage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			anon := e.client(t)
			ctx := context.Background()
			c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
			if err != nil {
				t.Fatal(err)
			}
			page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the report, as plain text") }))
			defer page.Close()
			in := seedSources()[0]
			in.URL = page.URL + "/report.txt"
			src, err := e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			publishClaim(t, e, c)
			if r := e.get(t, anon, "/claims/"+c.Slug); r.status != 200 || strings.Contains(r.body, "Archived ") {
				t.Fatalf("before archiving: %d", r.status)
			}
			other := newServerOn(t, e.store)
			if r := other.get(t, other.client(t), "/claims/"+c.Slug); r.status != 200 {
				t.Fatal(r.status)
			}
			a := &archive.Archiver{Store: e.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}
			if err := a.Run(ctx, &models.Job{Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5}); err != nil {
				t.Fatal(err)
			}
			sum := models.SHA256Hex([]byte("the report, as plain text"))
			for _, ts := range []*testServer{e.testServer, other} {
				if r := ts.get(t, ts.client(t), "/claims/"+c.Slug); !strings.Contains(r.body, "/archive/"+sum) {
					t.Fatalf("the page was not renewed on %s", ts.URL)
				}
			}
		})
	}
}

// A snapshot of a URL that the editor replaced before publishing stays the
// desk's: the public sees only the copy of the URL it reads.
func TestReplacedSnapshotIsNotPublic(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			anon := e.client(t)
			ctx := context.Background()
			page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "page at "+r.URL.Path) }))
			defer page.Close()
			c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
			if err != nil {
				t.Fatal(err)
			}
			in := seedSources()[0]
			in.URL = page.URL + "/wrong"
			src, err := e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			a := &archive.Archiver{Store: e.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}
			run := func() {
				if err := a.Run(ctx, &models.Job{Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5}); err != nil {
					t.Fatal(err)
				}
			}
			run()
			in.URL, in.Revision = page.URL+"/right", src.Revision
			if _, err := e.store.UpdateSource(ctx, e.edUser, models.Meta{}, src.ID, in); err != nil {
				t.Fatal(err)
			}
			run()
			publishClaim(t, e, c)
			wrong, right := models.SHA256Hex([]byte("page at /wrong")), models.SHA256Hex([]byte("page at /right"))
			if r := e.get(t, anon, "/archive/"+right); r.status != http.StatusOK {
				t.Fatalf("the current copy: %d", r.status)
			}
			if r := e.get(t, anon, "/archive/"+wrong); r.status != http.StatusNotFound {
				t.Fatalf("the replaced copy, signed out: %d", r.status)
			}
			if r := e.get(t, e.ed, "/archive/"+wrong); r.status != http.StatusOK {
				t.Fatalf("the replaced copy, on the desk: %d", r.status)
			}
		})
	}
}

// Bytes that a draft's source archived first and a published claim's
// source archived too are public: whichever claim came first, the copy a
// published fact-check shows is served to everyone, with its own original
// in a Link header that no URL can split.
func TestSharedSnapshotOfAPublishedClaimIsPublic(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			anon := e.client(t)
			ctx := context.Background()
			page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the same page") }))
			defer page.Close()
			a := &archive.Archiver{Store: e.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}
			archived := func(c *models.Claim, url string) {
				in := seedSources()[0]
				in.URL = url
				src, err := e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in)
				if err != nil {
					t.Fatal(err)
				}
				if err := a.Run(ctx, &models.Job{Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5}); err != nil {
					t.Fatal(err)
				}
			}
			draft, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
			if err != nil {
				t.Fatal(err)
			}
			archived(draft, page.URL+"/draft")
			other := seedInput()
			other.Text, other.Summary = "We never discussed the campaign with them", "He says they never discussed the campaign"
			pub, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, other)
			if err != nil {
				t.Fatal(err)
			}
			archived(pub, page.URL+"/pub/a>;rel=preload,<http://evil.example/x")
			publishClaim(t, e, pub)
			r := e.get(t, anon, "/archive/"+models.SHA256Hex([]byte("the same page")))
			if r.status != http.StatusOK || r.body != "the same page" {
				t.Fatalf("the published claim's copy, signed out: %d", r.status)
			}
			if link := r.header.Get("Link"); strings.Count(link, "<") != 1 || strings.Count(link, ">") != 1 || !strings.Contains(link, "/pub/a%3E;rel=preload,%3Chttp:") {
				t.Fatalf("Link %q", link)
			}
		})
	}
}
