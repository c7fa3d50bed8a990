package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/demo"
)

// The public pages of the demo newsroom fit a phone and a desktop without
// sideways scrolling.
func TestPublicPagesFitPhoneAndDesktop(t *testing.T) {
	a := startApp(t)
	if _, err := demo.Load(context.Background(), a.store, new(strings.Builder)); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	pages := map[string]string{
		"public-home":       "/",
		"public-claim":      "/claims/sessions-told-senators-he-had-no-communications-with-the-russians",
		"public-corrected":  "/claims/harbor-party-says-its-plan-created-40-000-jobs-in-a-year",
		"public-retracted":  "/claims/senator-says-the-river-is-the-cleanest-in-fifty-years",
		"public-person":     "/people/jeff-sessions",
		"public-search":     "/search?q=russians",
		"public-search-tag": "/search?q=hearings",
		"public-method":     "/methodology",
	}
	for name, path := range pages {
		for _, width := range []int64{360, 1440} {
			do(t, ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
			over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if over > 0 {
				t.Errorf("%s at %dpx scrolls sideways by %dpx", path, width, over)
			}
			shot(t, ctx, fmt.Sprintf("%s-%d", name, width))
		}
	}
}
