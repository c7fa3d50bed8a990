package e2e

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor updates a published fact-check in the browser: fixes the
// quote and adds a source, with a public note. Until a reviewer approves,
// the public page is unchanged; after, it shows the update, with the note in
// the corrections, the corrections feed and dateModified.
func TestUpdatePublishedFactCheckInBrowser(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	reviewer := modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	d := seedDesk(t, a.store, editor, admin)
	pub, err := a.store.GetClaim(t.Context(), d.published)
	if err != nil {
		t.Fatal(err)
	}
	public := a.url + "/claims/" + pub.Slug
	fixed := "I never met with any Russian officials to discuss issues of the campaign."

	ctx := browser(t)
	signIn(t, ctx, a, editor.Email)
	do(t, ctx,
		chromedp.Navigate(a.url+"/desk/claims/"+strconv.Itoa(int(d.published))),
		chromedp.WaitVisible(chromedp.CSS(`#update button[type=submit]`)),
	)
	shot(t, ctx, "update-claim-desk")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#update button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.update-form`)),
		chromedp.SetValue(chromedp.CSS(`#f-text`), fixed),
		chromedp.SetValue(chromedp.CSS(`#src-1-url`), "https://www.example.com/2017/03/03/recusal"),
		chromedp.SetValue(chromedp.CSS(`#src-1-title`), "Sessions recuses himself from Russia inquiry"),
		chromedp.SetValue(chromedp.CSS(`#src-1-stance`), "context"),
		chromedp.SetValue(chromedp.CSS(`#src-1-kind`), "news_report"),
		chromedp.SetValue(chromedp.CSS(`#f-note`), "We corrected a word of the quote and added the report of his recusal."),
		chromedp.Click(chromedp.CSS(`.update-form button[value=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	got := text(t, ctx, `main`)
	for _, want := range []string{"Update sent to review", "In review", "Source added", "Sessions recuses himself", "We corrected a word"} {
		if !strings.Contains(got, want) {
			t.Errorf("the submitted update's page lacks %q", want)
		}
	}
	shot(t, ctx, "update-submitted")
	do(t, ctx, chromedp.Navigate(public), chromedp.WaitVisible(chromedp.CSS(`main`)))
	if got := text(t, ctx, `main`); strings.Contains(got, "recuses") || strings.Contains(got, "We corrected") {
		t.Fatal("the public page shows the update before it was approved")
	}

	rctx := browser(t)
	signIn(t, rctx, a, reviewer.Email)
	do(t, rctx,
		chromedp.Navigate(a.url+"/desk/claims/"+strconv.Itoa(int(d.published))),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-open a.btn`)),
		chromedp.Click(chromedp.CSS(`.verdict.is-open a.btn`)),
		chromedp.WaitVisible(chromedp.CSS(`.review-form`)),
	)
	shot(t, rctx, "update-review")
	do(t, rctx,
		chromedp.Click(chromedp.CSS(`.review-form button[value=approve]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-published`)),
		chromedp.Navigate(public),
		chromedp.WaitVisible(chromedp.CSS(`main`)),
	)
	got = text(t, rctx, `main`)
	for _, want := range []string{fixed, "Sessions recuses himself", "We corrected a word of the quote"} {
		if !strings.Contains(got, want) {
			t.Errorf("the updated public page lacks %q", want)
		}
	}
	// What machines read: the page's ClaimReview and the corrections feed.
	if page := fetch(t, public); !strings.Contains(page, `"dateModified"`) {
		t.Errorf("the page's ClaimReview has no dateModified")
	}
	shot(t, rctx, "update-published")
	do(t, rctx,
		chromedp.Navigate(a.url+"/desk/claims/"+strconv.Itoa(int(d.published))+"/history"),
		chromedp.WaitVisible(chromedp.CSS(`.version-list`)),
	)
	if got := text(t, rctx, `.version-list`); !strings.Contains(got, "Version 2") || !strings.Contains(got, "Version 1") {
		t.Errorf("the history lists the published versions as %q", got)
	}
	shot(t, rctx, "update-history")
	if atom := fetch(t, a.url+"/corrections.atom"); !strings.Contains(atom, "We corrected a word of the quote") {
		t.Errorf("the corrections feed lacks the update's note")
	}
}

// fetch gets url without a browser and returns its body.
func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(b)
}
