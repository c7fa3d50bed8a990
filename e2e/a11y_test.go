package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/demo"
)

// axeScript finds axe-core: CLAIMTRACKER_AXE_JS names axe.min.js (CI
// installs it from npm). Without it the test skips, unless browser tests
// are required.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CLAIMTRACKER_AXE_JS")
	if path == "" {
		path = filepath.Join("node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CLAIMTRACKER_REQUIRE_BROWSER") == "1" {
			t.Fatalf("axe-core is required: %v (set CLAIMTRACKER_AXE_JS)", err)
		}
		t.Skipf("no axe-core at %s; set CLAIMTRACKER_AXE_JS", path)
	}
	return string(b)
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// The public pages have no serious or critical accessibility violations,
// at desktop and phone widths.
func TestPublicPagesPassAxe(t *testing.T) {
	axe := axeScript(t)
	a := startApp(t)
	if _, err := demo.Load(context.Background(), a.store, new(strings.Builder)); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	pages := []string{"/", "/claims/sessions-told-senators-he-had-no-communications-with-the-russians", "/people/jeff-sessions",
		"/search?q=russians", "/methodology", "/people", "/login",
		"/claims/sessions-told-senators-he-had-no-communications-with-the-russians/embed"}
	for _, width := range []int64{1440, 360} {
		for _, path := range pages {
			do(t, ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
			// Inject axe-core through the protocol (the page's CSP forbids
			// inline scripts, which is as it should be), then run it.
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
				t.Fatalf("inject axe: %v", err)
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`,
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
				} else {
					t.Logf("%s at %dpx: %s (%s): %s", path, width, v.ID, v.Impact, v.Help)
				}
			}
		}
	}
}
