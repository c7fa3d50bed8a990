package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/fetcher"
	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// fetchPage is an article's page written for this test, with its
// metadata in OpenGraph.
const fetchPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Sessions met Russian envoy twice - Example News</title>
<meta property="og:title" content="Sessions met Russian envoy twice">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-03-02T08:00:00-05:00">
<meta name="author" content="A. Reporter">
</head><body><nav><a href="/">Home</a> <a href="/subscribe">Subscribe</a></nav><article><h1>Sessions met Russian envoy twice</h1>
<p>` + "%s" + `</p></article></body></html>`

// In a real browser, the new-article form's Fetch from URL button submits
// the form although its required fields are empty, and shows it filled in
// from the page; Find the claims then logs it.
func TestDeskArticleFetchInBrowser(t *testing.T) {
	page := fmt.Sprintf(fetchPage, strings.ReplaceAll(journeyArticle, "\n\n", "</p>\n<p>"))
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(site.Close)
	a := startApp(t, func(cfg *handlers.Config) {
		cfg.Fetcher = fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
	})
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	ctx := browser(t)
	signIn(t, ctx, a, ed.Email)
	do(t, ctx,
		chromedp.Navigate(a.url+"/desk/articles/new"),
		chromedp.WaitVisible(chromedp.CSS(`#f-url`)),
		chromedp.SendKeys(chromedp.CSS(`#f-url`), site.URL+"/2017/03/02/sessions"),
		chromedp.Click(chromedp.CSS(`button[name=fetch]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	shot(t, ctx, "desk-article-fetched")
	for css, want := range map[string]string{
		"#f-title": "Sessions met Russian envoy twice", "#f-outlet": "Example News", "#f-author": "A. Reporter", "#f-published_at": "2017-03-02",
	} {
		if got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(css))); err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", css, got, err, want)
		}
	}
	if got, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`#f-text`))); err != nil || !strings.Contains(got, swornQuote) || strings.Contains(got, "Subscribe") {
		t.Fatalf("fetched text %q (%v)", got, err)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/desk/articles"] .actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-text mark`)),
	)
	if got, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(`.article-text mark#m-1`))); err != nil || got != swornQuote {
		t.Fatalf("first highlight %q (%v)", got, err)
	}
}
