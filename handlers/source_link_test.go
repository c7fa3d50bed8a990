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
	"time"

	"claimtracker/fetcher"
	"claimtracker/linkcheck"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// linkRot logs a claim with three sources on a local server: one whose
// page went 404 (found by the link checker), one the checker found
// changed, and one live. It returns the claim and the three sources.
func linkRot(t *testing.T, e *deskEnv) (*models.Claim, [3]*models.Source) {
	t.Helper()
	ctx := context.Background()
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/deleted" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "<p>still here</p>")
	}))
	t.Cleanup(web.Close)
	c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
	if err != nil {
		t.Fatal(err)
	}
	var out [3]*models.Source
	for i, path := range []string{"/deleted", "/edited", "/live"} {
		in := seedSources()[0]
		in.URL, in.Title = web.URL+path, "Report "+strings.TrimPrefix(path, "/")
		if out[i], err = e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	return c, out
}

// check runs the link checker on src.
func check(t *testing.T, s *models.Store, src *models.Source) {
	t.Helper()
	ch := &linkcheck.Checker{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}), HostGap: time.Millisecond}
	time.Sleep(2 * time.Millisecond)
	j := &models.Job{Kind: models.JobCheckLink, Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5, CreatedAt: time.Now()}
	if wait, err := ch.Run(context.Background(), j); err != nil || wait != 0 {
		t.Fatalf("check %s: %v %v", src.URL, wait, err)
	}
}

// The desk lists the sources whose links broke or changed, with their
// claim, status, since when and what the check found; live ones are not
// listed; a filter keeps one status.
func TestDeskListsBrokenLinks(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			c, srcs := linkRot(t, e)
			if body := e.page(t, e.ed, "/desk/sources/broken", http.StatusOK); !strings.Contains(body, "No broken or changed links.") {
				t.Fatalf("before any check the list is not empty")
			}
			check(t, e.store, srcs[0])
			check(t, e.store, srcs[2])
			in := models.LinkCheckInput{URL: srcs[1].URL, Status: models.LinkChanged, HTTPStatus: 200, FinalURL: srcs[1].URL, CheckedAt: time.Now()}
			if _, err := e.store.RecordLinkCheck(context.Background(), srcs[1].ID, in); err != nil {
				t.Fatal(err)
			}
			body := e.page(t, e.ed, "/desk/sources/broken", http.StatusOK)
			mustContain(t, "broken links", body, "Broken and changed links", "Report deleted", "Report edited", srcs[0].URL,
				"Gone", "Changed since archived", "HTTP 404", "The address answered 404 Not Found", c.Summary, `href="/desk/claims/`+idStr(c.ID)+`#sources"`,
				`href="/desk/sources/broken" aria-current="page"`)
			if strings.Contains(body, "Report live") {
				t.Errorf("a live source is listed")
			}
			if strings.Index(body, "Report edited") > strings.Index(body, "Report deleted") {
				t.Errorf("not the most recently broken first")
			}
			gone := e.page(t, e.ed, "/desk/sources/broken?status=gone", http.StatusOK)
			if !strings.Contains(gone, "Report deleted") || strings.Contains(gone, "Report edited") {
				t.Errorf("the gone filter")
			}
			if all := e.page(t, e.ed, "/desk/sources/broken?status=nonsense", http.StatusOK); !strings.Contains(all, "Report edited") {
				t.Errorf("an unknown filter is not the whole list")
			}
			// The claim's desk page says it beside each source.
			mustContain(t, "desk claim page", e.page(t, e.ed, claimPath(c.ID), http.StatusOK), "Gone", "Changed since archived", "Live")
			if r := e.get(t, e.client(t), "/desk/sources/broken"); r.status != http.StatusSeeOther && r.status != http.StatusUnauthorized && r.status != http.StatusForbidden {
				t.Errorf("signed out: %d", r.status)
			}
		})
	}
}

// The public page keeps the original link of a source whose page went
// 404, marks it gone since the check found it, and links the Internet
// Archive's copy once there is one; both APIs say so. The page changes
// when the mark does, on every instance.
func TestPublicPageMarksGoneOriginal(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			anon := e.client(t)
			ctx := context.Background()
			c, srcs := linkRot(t, e)
			publishClaim(t, e, c)
			other := newServerOn(t, e.store)
			body := e.page(t, anon, "/claims/"+c.Slug, http.StatusOK)
			if strings.Contains(body, "Original gone") || strings.Contains(body, "Internet Archive copy") {
				t.Fatalf("marked before any check")
			}
			_ = other.get(t, other.client(t), "/claims/"+c.Slug) // cached there too
			check(t, e.store, srcs[0])
			check(t, e.store, srcs[2])
			copyURL := "https://web.archive.org/web/20250301120000/" + srcs[0].URL
			if ok, err := e.store.RecordWayback(ctx, srcs[0].ID, models.WaybackInput{URL: srcs[0].URL, Status: models.WaybackSaved, ArchiveURL: copyURL, At: time.Now()}); !ok || err != nil {
				t.Fatal(ok, err)
			}
			got, _ := e.store.GetSource(ctx, srcs[0].ID)
			day := got.LinkSince.UTC().Format("2 Jan 2006")
			for _, ts := range []*testServer{e.testServer, other} {
				body := ts.get(t, ts.client(t), "/claims/"+c.Slug).body
				mustContain(t, "public page on "+ts.URL, body, `href="`+srcs[0].URL+`"`, "Original gone since", day, `href="`+copyURL+`"`, "Internet Archive copy")
				if strings.Count(body, "Original gone") != 1 {
					t.Errorf("%d gone marks, want 1", strings.Count(body, "Original gone"))
				}
			}
			// The public API: the mark, without the time of the last visit.
			r := e.get(t, anon, "/api/v1/public/claims/"+c.Slug)
			var pub struct {
				Sources []struct {
					URL  string         `json:"url"`
					Link map[string]any `json:"link"`
					Way  map[string]any `json:"wayback"`
				} `json:"sources"`
			}
			if err := json.Unmarshal([]byte(r.body), &pub); err != nil {
				t.Fatalf("%d %s: %v", r.status, r.body, err)
			}
			found := false
			for _, s := range pub.Sources {
				if s.URL != srcs[0].URL {
					continue
				}
				found = true
				if s.Link["status"] != "gone" || s.Link["http_status"] != float64(404) || s.Link["since"] == nil || s.Link["error"] != "The address answered 404 Not Found" {
					t.Errorf("public link %v", s.Link)
				}
				if _, ok := s.Link["checked_at"]; ok {
					t.Errorf("the public link has checked_at")
				}
				if s.Way["status"] != "saved" || s.Way["url"] != copyURL || s.Way["at"] == nil || s.Way["error"] != nil {
					t.Errorf("public wayback %v", s.Way)
				}
			}
			if !found {
				t.Fatalf("the source is not in the public API: %s", r.body)
			}
			// The desk API adds the time of the last check.
			tok, _, err := e.store.CreateAPIToken(ctx, nil, models.Meta{}, "ed@example.org", "tests")
			if err != nil {
				t.Fatal(err)
			}
			dr := e.do(t, e.client(t), http.MethodGet, "/api/v1/sources/"+idStr(srcs[0].ID), nil, map[string]string{"Authorization": "Bearer " + tok})
			var desk struct {
				Link    map[string]any `json:"link"`
				Wayback map[string]any `json:"wayback"`
			}
			if err := json.Unmarshal([]byte(dr.body), &desk); err != nil || dr.status != http.StatusOK {
				t.Fatalf("%d %s: %v", dr.status, dr.body, err)
			}
			if desk.Link["status"] != "gone" || desk.Link["checked_at"] == nil || desk.Link["final_url"] != srcs[0].URL || desk.Wayback["url"] != copyURL {
				t.Errorf("desk source %s", dr.body)
			}
			// A source never checked has nulls.
			dr = e.do(t, e.client(t), http.MethodGet, "/api/v1/sources/"+idStr(srcs[1].ID), nil, map[string]string{"Authorization": "Bearer " + tok})
			if !strings.Contains(dr.body, `"link":{"status":null,"checked_at":null,"since":null,"http_status":null,"final_url":null,"error":null}`) ||
				!strings.Contains(dr.body, `"wayback":{"status":null,"url":null,"error":null,"at":null}`) {
				t.Errorf("an unchecked source: %s", dr.body)
			}
		})
	}
}
