package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor pastes an article already logged under another form of its
// address: the form warns and links to it, and logs it only when asked to
// again. The article logged twice names the first, and its author deletes
// it; a draft logged twice, found by its same words, is deleted the same
// way, confirming with a tick.
func TestDuplicatesWarnAndDraftsAreDeleted(t *testing.T) {
	a := startApp(t)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	first, err := a.store.CreateArticle(t.Context(), ed, models.Meta{}, models.ArticleInput{URL: "https://www.news.example.com/2017/03/02/sessions-russia",
		Title: "Sessions faces calls to step aside over Russia meetings", Outlet: "Example News", PublishedAt: "2017-03-02", Text: journeyArticle})
	if err != nil {
		t.Fatal(err)
	}
	logged, err := a.store.CreateClaim(t.Context(), ed, models.Meta{}, models.ClaimInput{Text: swornQuote, Summary: claimSummary,
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", ArticleID: &first.ID})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	signIn(t, ctx, a, ed.Email)
	expect := func(what, got string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", what, got, w)
			}
		}
	}
	both := func(name string) {
		t.Helper()
		shot(t, ctx, name+"-1440")
		do(t, ctx, chromedp.EmulateViewport(390, 900))
		shot(t, ctx, name+"-390")
		do(t, ctx, chromedp.EmulateViewport(1440, 900))
	}
	paste := func() {
		t.Helper()
		do(t, ctx,
			chromedp.Navigate(a.url+"/desk/articles/new"),
			chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
			chromedp.SendKeys(chromedp.CSS(`#f-url`), "http://news.example.com/2017/03/02/sessions-russia/?utm_source=newsletter&fbclid=IwAR0"),
			chromedp.SendKeys(chromedp.CSS(`#f-title`), "Sessions under pressure over Russia meetings"),
			chromedp.SetValue(chromedp.CSS(`#f-text`), journeyArticle),
			chromedp.Click(chromedp.CSS(`form[action="/desk/articles"] .actions button[type=submit]:not([name])`)),
			chromedp.WaitVisible(chromedp.CSS(`#already-logged`)),
		)
	}

	// 1. The same article under another address: a warning and a link.
	paste()
	expect("warning", text(t, ctx, `#already-logged`), "This article is already logged.", first.Title, "Example News")
	both("dupes-1-article-warning")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#already-logged a`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-text`)),
	)
	expect("linked article", text(t, ctx, `main h1`), first.Title)

	// 2. Logged again on purpose: the new article names the first.
	paste()
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`button[name=duplicate][value=allow]`)),
		chromedp.WaitVisible(chromedp.CSS(`#also-logged`)),
	)
	expect("also logged", text(t, ctx, `#also-logged`), "Also logged at this address:", first.Title)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#delete > summary`)), chromedp.WaitVisible(chromedp.CSS(`#delete-confirm`)))
	both("dupes-2-article-again")

	// 3. Its author deletes it, ticking the box.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#delete-confirm`)),
		chromedp.Click(chromedp.CSS(`#delete button.danger`)),
		chromedp.WaitVisible(chromedp.CSS(`.page-head a.btn[href="/desk/articles/new"]`)),
	)
	expect("article deleted", text(t, ctx, `.flash`), "Article deleted.")
	if arts, err := a.store.ListArticles(t.Context(), 10); err != nil || len(arts) != 1 || arts[0].ID != first.ID {
		t.Fatalf("articles after the deletion: %+v %v", arts, err)
	}

	// 4. The same words logged again as a draft: the desk shows the first
	// as the same words; the draft's author deletes the new one.
	do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/desk/claims/new?article_id=%d", a.url, first.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		chromedp.SetValue(chromedp.CSS(`#f-text`), "“"+swornQuote+"”"),
		chromedp.SendKeys(chromedp.CSS(`#f-summary`), "Sworn denial of contacts with Russians"),
		chromedp.SendKeys(chromedp.CSS(`#f-speaker`), "Jeff Sessions"),
		chromedp.Click(chromedp.CSS(`form.form .actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.similar-card`)),
	)
	expect("same words", text(t, ctx, `.similar-card`), claimSummary, "the same words")
	do(t, ctx, chromedp.Click(chromedp.CSS(`#delete summary`)), chromedp.WaitVisible(chromedp.CSS(`#delete-confirm`)))
	both("dupes-3-draft-same-words")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#delete-confirm`)),
		chromedp.Click(chromedp.CSS(`#delete button.danger`)),
		chromedp.WaitVisible(chromedp.CSS(`.page-head a.btn[href="/desk/claims/new"]`)),
	)
	expect("draft deleted", text(t, ctx, `.flash`), "Draft deleted.")
	if _, err := a.store.GetClaim(t.Context(), logged.ID); err != nil {
		t.Errorf("the first claim went with the second: %v", err)
	}
	if claims, _ := a.store.ListClaims(t.Context(), models.ClaimFilter{}); len(claims) != 1 {
		t.Errorf("%d claims after the deletion, want 1", len(claims))
	}
	both("dupes-4-claims-after-delete")
}
