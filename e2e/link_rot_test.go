package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The list of broken links, a desk claim page with link statuses and a
// public page with a gone original and its Internet Archive copy fit a
// phone and a desktop without sideways scrolling or clipped content, have
// no serious accessibility violation, and say what they must.
func TestLinkRotPagesInTheBrowser(t *testing.T) {
	a := startApp(t)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	desk := seedDesk(t, a.store, ed, admin)
	ctx := t.Context()
	record := func(src *models.Source, status models.LinkStatus, code int, final, why string) {
		t.Helper()
		in := models.LinkCheckInput{URL: src.URL, Status: status, HTTPStatus: code, FinalURL: final, Error: models.Reason{English: why}, CheckedAt: time.Now()}
		if _, err := a.store.RecordLinkCheck(ctx, src.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	inReview, err := a.store.GetClaim(ctx, desk.inReview)
	if err != nil {
		t.Fatal(err)
	}
	published, err := a.store.GetClaim(ctx, desk.published)
	if err != nil {
		t.Fatal(err)
	}
	long := "https://www.example.com/politics/2017/03/01/a-very-long-address-of-a-report-that-moved-to-a-new-section-of-the-site-and-kept-its-slug?ref=front-page"
	record(&inReview.Sources[0], models.LinkMoved, 200, long, "")
	record(&inReview.Sources[1], models.LinkUnreachable, 503, inReview.Sources[1].URL, "The address answered 503 Service Unavailable")
	gone := &published.Sources[0]
	record(gone, models.LinkGone, 404, gone.URL, "The address answered 404 Not Found")
	copyURL := "https://web.archive.org/web/20250301120000/" + gone.URL
	if _, err := a.store.RecordWayback(ctx, gone.ID, models.WaybackInput{URL: gone.URL, Status: models.WaybackSaved, ArchiveURL: copyURL, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	bctx := browser(t)
	fits := func(path string, width int64) {
		t.Helper()
		over, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if over > 0 {
			t.Errorf("%s at %dpx scrolls sideways by %dpx", path, width, over)
		}
		clipped, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => !e.matches('.sr-only, input, textarea, select') && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(clipped) > 0 {
			t.Errorf("%s at %dpx hides content sideways in %v", path, width, clipped)
		}
	}
	axe := ""
	if s, ok := optionalAxe(); ok {
		axe = s
	}
	accessible := func(path string, width int64) {
		t.Helper()
		if axe == "" {
			return
		}
		do(t, bctx, chromedp.Evaluate[chromedp.Void](axe))
		raw, err := chromedp.Run(bctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`,
			chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("run axe on %s: %v", path, err)
		}
		var vs []axeViolation
		if err := json.Unmarshal([]byte(raw), &vs); err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s at %dpx: %s (%s): %s, e.g. %v", path, width, v.ID, v.Impact, v.Help, v.Nodes[0].Target)
			}
		}
	}
	visit := func(name, path string, wants map[string][]string) {
		t.Helper()
		for _, width := range []int64{360, 1440} {
			do(t, bctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
			for css, texts := range wants {
				got := text(t, bctx, css)
				for _, w := range texts {
					if !strings.Contains(got, w) {
						t.Errorf("%s at %dpx: %s reads %q, lacks %q", path, width, css, got, w)
					}
				}
			}
			fits(path, width)
			accessible(path, width)
			shot(t, bctx, fmt.Sprintf("%s-%d", name, width))
		}
	}
	visit("public-claim-gone", "/claims/"+published.Slug, map[string][]string{
		".source-list": {gone.Title, "Original gone since " + time.Now().UTC().Format("2 Jan 2006"), "Internet Archive copy"},
	})
	signIn(t, bctx, a, admin.Email)
	visit("desk-links", "/desk/sources/broken", map[string][]string{
		"table.broken-links":           {"Moved", "Now at", "Unreachable", "HTTP 503", "Gone", "HTTP 404", inReview.Summary, published.Summary},
		"header.masthead .deskbar nav": {"Links"},
	})
	visit("desk-links-gone", "/desk/sources/broken?status=gone", map[string][]string{"table.broken-links": {"Gone"}})
	visit("desk-claim-links", fmt.Sprintf("/desk/claims/%d", desk.inReview), map[string][]string{
		"#sources": {"Moved since", "Now at", "Unreachable since", "503 Service Unavailable"},
	})
}

// optionalAxe returns axe-core's script when axeScript would find it,
// without skipping the test when it is missing.
func optionalAxe() (string, bool) {
	path := os.Getenv("CLAIMTRACKER_AXE_JS")
	if path == "" {
		path = filepath.Join("node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	return string(b), err == nil
}
