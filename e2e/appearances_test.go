package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor logs a claim from an article with two appearances, adding the
// second row with the form's own button (no script: the page runs under
// the site's strict CSP), then removes one in the edit form; once
// published, the public page lists the appearances and its ClaimReview
// gives the earliest as firstAppearance.
func TestEditorListsWhereAClaimAppeared(t *testing.T) {
	a := startApp(t)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	art, err := a.store.CreateArticle(t.Context(), ed, models.Meta{}, models.ArticleInput{URL: "https://news.example.com/2017/03/02/sessions-russia",
		Title: "Sessions faces calls to step aside over Russia meetings", Outlet: "Example News", PublishedAt: "2017-03-02", Text: journeyArticle})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	signIn(t, ctx, a, ed.Email)
	row := func(i int, member string) string { return fmt.Sprintf(`#f-appearance-%d-%s`, i, member) }
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(fmt.Sprintf("%s/desk/claims/new?article_id=%d", a.url, art.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		chromedp.SendKeys(chromedp.CSS(`#f-text`), swornQuote),
		chromedp.SendKeys(chromedp.CSS(`#f-summary`), claimSummary),
		chromedp.SendKeys(chromedp.CSS(`#f-speaker`), "Jeff Sessions"),
		chromedp.SetValue(chromedp.CSS(`#f-said_at`), "2017-01-10"),
		chromedp.SendKeys(chromedp.CSS(row(0, "url")), "https://www.judiciary.senate.gov/hearing"),
		chromedp.SetValue(chromedp.CSS(row(0, "date")), "2017-01-10"),
		chromedp.SendKeys(chromedp.CSS(row(0, "where")), "Senate confirmation hearing"),
		chromedp.Click(chromedp.CSS(`button[name=add_appearance]`)),
		chromedp.WaitVisible(chromedp.CSS(row(1, "url"))),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/desk/claims#appearances") {
		t.Errorf("after adding a row the page is %q (%v), want the form at its appearances", loc, err)
	}
	if got := text(t, ctx, `#appearances .hint + .hint`); !strings.Contains(got, "(Example News, 2 Mar 2017) is added as an appearance") {
		t.Errorf("the form says %q about the article", got)
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(row(1, "url")), "https://example.org/interview"),
		chromedp.SetValue(chromedp.CSS(row(1, "date")), "2017-03-05"),
		chromedp.SendKeys(chromedp.CSS(row(1, "where")), "Fox News interview"),
	)
	shot(t, ctx, "appearances-form-1440")
	do(t, ctx, chromedp.EmulateViewport(390, 900))
	shot(t, ctx, "appearances-form-390")
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(chromedp.CSS(`.actions button.btn:not(.secondary)`)),
		chromedp.WaitVisible(chromedp.CSS(`.appearances-list`)),
	)
	if got := text(t, ctx, `.appearances-list`); !strings.Contains(got, "Senate confirmation hearing") || !strings.Contains(got, "Example News") ||
		!strings.Contains(got, "Fox News interview") {
		t.Errorf("the desk page lists %q", got)
	}
	shot(t, ctx, "appearances-desk-claim-1440")

	// The edit form: the article's row stays; the interview is removed.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.head-actions a[href$="/edit"]`)),
		chromedp.WaitVisible(chromedp.CSS(row(3, "url"))),
	)
	shot(t, ctx, "appearances-edit-1440")
	do(t, ctx, chromedp.EmulateViewport(390, 900))
	shot(t, ctx, "appearances-edit-390")
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(chromedp.CSS(row(2, "remove"))),
		chromedp.Click(chromedp.CSS(`.actions button.btn:not(.secondary)`)),
		chromedp.WaitVisible(chromedp.CSS(`.appearances-list`)),
	)
	if got := text(t, ctx, `.appearances-list`); strings.Contains(got, "Fox News interview") || !strings.Contains(got, "Example News") {
		t.Errorf("after removing the interview the desk page lists %q", got)
	}

	// Published: the public page and its ClaimReview.
	claims, err := a.store.ListClaims(t.Context(), models.ClaimFilter{})
	if err != nil || len(claims) != 1 {
		t.Fatalf("claims: %v %v", claims, err)
	}
	c := claims[0]
	if _, err := a.store.AddSource(t.Context(), ed, models.Meta{}, c.ID, models.SourceInput{URL: "https://www.example.com/report",
		Title: "Sessions spoke twice with Russian ambassador", Outlet: "The Washington Post", PublishedAt: "2017-03-01",
		Kind: models.SourceNewsReport, Stance: models.StanceContradicts}); err != nil {
		t.Fatal(err)
	}
	v, err := a.store.ProposeVerdict(t.Context(), ed, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ReviewVerdict(t.Context(), rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/logout"]`)),
		chromedp.Navigate(a.url+"/claims/"+c.Slug),
		chromedp.WaitVisible(chromedp.CSS(`.appearance-list`)),
	)
	if got := text(t, ctx, `.appearance-list`); !strings.Contains(got, "Senate confirmation hearing") || !strings.Contains(strings.ToLower(got), "first known appearance") ||
		!strings.Contains(got, "Example News") {
		t.Errorf("the public page lists %q", got)
	}
	shot(t, ctx, "appearances-public-1440")
	do(t, ctx, chromedp.EmulateViewport(390, 900))
	shot(t, ctx, "appearances-public-390")
	raw, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(`script[type="application/ld+json"]`)))
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		ItemReviewed struct {
			Appearance      []struct{ URL string }
			FirstAppearance struct{ URL, DatePublished string }
		}
	}
	if err := json.Unmarshal([]byte(raw), &ld); err != nil {
		t.Fatal(err)
	}
	if n := len(ld.ItemReviewed.Appearance); n != 2 || ld.ItemReviewed.FirstAppearance.URL != "https://www.judiciary.senate.gov/hearing" ||
		ld.ItemReviewed.FirstAppearance.DatePublished != "2017-01-10" {
		t.Errorf("ClaimReview: %d appearances, first %+v", n, ld.ItemReviewed.FirstAppearance)
	}
}
