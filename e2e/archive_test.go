package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An archived page is shown in the browser without running its scripts,
// submitting its forms or loading anything from outside, and an archived
// image is shown; the public page links both.
func TestArchivedCopyRunsNoScriptInTheBrowser(t *testing.T) {
	a := startApp(t)
	var outside atomic.Int32
	beacon := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { outside.Add(1) }))
	defer beacon.Close()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			img.Set(x, y, color.RGBA{200, 30, 30, 255})
		}
	}
	var pngBytes bytes.Buffer
	if err := png.Encode(&pngBytes, img); err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html><head><meta charset="utf-8"><title>Envoy meetings</title>
<link rel="stylesheet" href="` + beacon.URL + `/style.css"></head><body>
<h1 id="headline">Sessions met the envoy twice</h1>
<img id="pixel" src="` + beacon.URL + `/pixel.gif" alt="">
<script>document.title = "the script ran"; document.getElementById("headline").textContent = "changed by a script";
fetch("` + beacon.URL + `/fetch")</script>
<form id="f" action="` + beacon.URL + `/post" method="post"><button id="b">Send</button></form>
</body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/chart.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write(pngBytes.Bytes())
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		}
	}))
	defer site.Close()

	ctx := context.Background()
	ed := modelstest.User(t, a.store, "archive-ed@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "archive-rev@example.org", models.RoleReviewer)
	c, err := a.store.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{Text: "I did not have communications with the Russians",
		Summary: "Sessions said he had no communications with the Russians", Speaker: "Jeff Sessions", SaidAt: "2017-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	arch := &archive.Archiver{Store: a.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}
	for _, path := range []string{"/2017/03/01/envoy", "/chart.png"} {
		src, err := a.store.AddSource(ctx, ed, models.Meta{}, c.ID, models.SourceInput{URL: site.URL + path, Title: "Report " + path,
			Outlet: "The Washington Post", PublishedAt: "2017-03-01", Kind: models.SourceNewsReport, Stance: models.StanceContradicts})
		if err != nil {
			t.Fatal(err)
		}
		if err := arch.Run(ctx, &models.Job{Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: 1, MaxAttempts: 5}); err != nil {
			t.Fatal(err)
		}
	}
	v, err := a.store.ProposeVerdict(ctx, ed, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the envoy twice", Explanation: "Two meetings were reported."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ReviewVerdict(ctx, rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	pageSum, imageSum := models.SHA256Hex([]byte(page)), models.SHA256Hex(pngBytes.Bytes())

	b := browser(t)
	do(t, b, chromedp.Navigate(a.url+"/claims/"+c.Slug), chromedp.WaitVisible(chromedp.CSS(`.source-list .archived`)))
	shot(t, b, "archive-claim-page")
	links := evaluate[[]string](t, b, `[...document.querySelectorAll('.source-list .archived a')].map(a => a.getAttribute('href'))`)
	if strings.Join(links, " ") != "/archive/"+pageSum+" /archive/"+imageSum && strings.Join(links, " ") != "/archive/"+imageSum+" /archive/"+pageSum {
		t.Fatalf("archive links %v", links)
	}

	do(t, b, chromedp.Navigate(a.url+"/archive/"+pageSum), chromedp.WaitVisible(chromedp.CSS(`#headline`)))
	time.Sleep(300 * time.Millisecond) // time for anything that would run
	if got := text(t, b, `#headline`); got != "Sessions met the envoy twice" {
		t.Errorf("a script changed the archived page: %q", got)
	}
	title, err := chromedp.Run(b, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Envoy meetings" {
		t.Errorf("title %q: the archived page's script ran", title)
	}
	do(t, b, chromedp.Click(chromedp.CSS(`#b`)))
	time.Sleep(300 * time.Millisecond)
	if n := outside.Load(); n != 0 {
		t.Errorf("the archived page reached outside %d times (scripts, images, styles or its form)", n)
	}
	shot(t, b, "archive-page")

	do(t, b, chromedp.Navigate(a.url+"/archive/"+imageSum), chromedp.WaitVisible(chromedp.CSS(`img`)))
	if w := evaluate[int](t, b, `document.querySelector('img').naturalWidth`); w != 40 {
		t.Errorf("the archived image is not shown: width %d", w)
	}
}
