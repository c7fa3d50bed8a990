package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// renderDesk publishes fact-checks straight through the store.
type renderDesk struct {
	a       *app
	ed, rev *models.User
}

func newRenderDesk(t *testing.T, a *app) *renderDesk {
	return &renderDesk{a: a, ed: modelstest.User(t, a.store, "render-ed@example.org", models.RoleEditor),
		rev: modelstest.User(t, a.store, "render-rev@example.org", models.RoleReviewer)}
}

// publish publishes a claim of these words by Dana Whitfield, rated rating
// with explanation, and adds a correction with note unless it is empty; it
// returns the path of its public page.
func (d *renderDesk) publish(t *testing.T, words, rating, explanation, note string) string {
	t.Helper()
	ctx := context.Background()
	c, err := d.a.store.CreateClaim(ctx, d.ed, models.Meta{}, models.ClaimInput{Text: words, Summary: "The mayor says " + words,
		Speaker: "Dana Whitfield", SaidAt: "2024-09-14"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.a.store.ProposeVerdict(ctx, d.ed, models.Meta{}, c.ID, models.VerdictInput{Rating: rating, Headline: "Rated " + rating, Explanation: explanation})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.a.store.ReviewVerdict(ctx, d.rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	if note != "" {
		if _, err := d.a.store.AddCorrection(ctx, d.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: note}); err != nil {
			t.Fatal(err)
		}
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
	path := newRenderDesk(t, a).publish(t, "bus fares were cut in half", "mostly-true",
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

// Every rating has one colour, wherever it shows: the timeline's verdict
// dot is the colour of the rating's badge (not red for True), and so is the
// rating's bar on the speaker's scorecard; the best and the worst ratings
// differ.
func TestRatingColoursFollowOneRule(t *testing.T) {
	a := startApp(t)
	d := newRenderDesk(t, a)
	scale, err := a.store.Ratings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, r := range scale {
		paths[r.Slug] = d.publish(t, "the "+r.Label+" words", r.Slug, "Because.", "")
	}
	ctx := browser(t)
	colour := map[string]string{}
	for _, r := range scale {
		do(t, ctx, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(a.url+paths[r.Slug]), chromedp.WaitVisible(chromedp.CSS("main h1")))
		got := evaluate[map[string]string](t, ctx, `(() => {
			const dot = document.querySelector(".tl-verdict"), badge = document.querySelector(".verdict-box .badge");
			return {dot: dot ? getComputedStyle(dot, "::before").backgroundColor : "",
				ring: dot ? getComputedStyle(dot, "::before").borderTopColor : "",
				badge: badge ? getComputedStyle(badge).backgroundColor : ""}; })()`)
		if got["badge"] == "" || got["dot"] != got["badge"] || got["ring"] != got["badge"] {
			t.Errorf("%s: the verdict dot is %s ringed %s, the badge %s", r.Slug, got["dot"], got["ring"], got["badge"])
		}
		colour[r.Slug] = got["badge"]
		if r.Slug == "true" {
			shot(t, ctx, "public-true-1440")
		}
	}
	if colour["true"] == colour["false"] {
		t.Errorf("True and False are both %s", colour["true"])
	}
	do(t, ctx, chromedp.Navigate(a.url+"/people/dana-whitfield"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	bars := evaluate[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll(".chart g.bar")].map(g =>
		[[...g.classList].find(c => c.startsWith("r-")).slice(2), getComputedStyle(g.querySelector("rect")).fill]))`)
	for _, r := range scale {
		if bars[r.Slug] != colour[r.Slug] {
			t.Errorf("%s: the scorecard bar is %s, the badge %s", r.Slug, bars[r.Slug], colour[r.Slug])
		}
	}
}
