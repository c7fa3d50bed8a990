package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// publishForRender publishes a claim rated rating, with explanation, and a
// correction with note, straight through the store; it returns the path of
// its public page.
func publishForRender(t *testing.T, a *app, rating, explanation, note string) string {
	t.Helper()
	ctx := context.Background()
	ed := modelstest.User(t, a.store, "render-ed@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "render-rev@example.org", models.RoleReviewer)
	c, err := a.store.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{Text: "Bus fares were cut in half", Summary: "The mayor says bus fares were cut in half",
		Speaker: "Dana Whitfield", SaidAt: "2024-09-14"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.store.ProposeVerdict(ctx, ed, models.Meta{}, c.ID, models.VerdictInput{Rating: rating, Headline: "Single fares fell by half", Explanation: explanation})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ReviewVerdict(ctx, rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddCorrection(ctx, ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: note}); err != nil {
		t.Fatal(err)
	}
	return "/claims/" + c.Slug
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Markdown on a public page, as the browser shows it: a quotation in an
// explanation or a correction note is set off as a quotation, and an image
// is a link, so the page shows no image that its Content-Security-Policy
// blocks.
func TestPublicMarkdownQuotesAndImagesInTheBrowser(t *testing.T) {
	a := startApp(t)
	path := publishForRender(t, a, "mostly-true",
		"The fare table says so.\n\n> Single fares fall from 2.40 to 1.20.\n\n![The fare table](https://example.org/fares.png)",
		"We quoted the old table:\n\n> Monthly passes fall by a third.\n\nSee ![the new table](https://example.org/new.png).")
	ctx := browser(t)
	do(t, ctx, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if n := evaluate[int](t, ctx, `document.querySelectorAll("main img").length`); n != 0 {
		t.Errorf("the page embeds %d images", n)
	}
	if n := evaluate[int](t, ctx, `document.querySelectorAll('main a[href^="https://example.org/"]').length`); n != 3 {
		t.Errorf("%d links to the images, want 3 (the explanation, the correction in the log and on the timeline)", n)
	}
	for _, sel := range []string{".verdict-box .prose blockquote", ".corrections .prose blockquote", ".tl-correction .prose blockquote"} {
		style := evaluate[map[string]string](t, ctx, `(() => { const q = document.querySelector(`+"`"+sel+"`"+`);
			if (!q) return {};
			const s = getComputedStyle(q);
			return {border: s.borderLeftStyle, width: s.borderLeftWidth, pad: s.paddingLeft}; })()`)
		if style["border"] != "solid" || style["width"] == "0px" || style["pad"] == "0px" {
			t.Errorf("%s is not set off as a quotation: %v", sel, style)
		}
	}
	shot(t, ctx, "public-markdown-1440")
}
