package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"claimtracker/demo"
)

// A publisher's page on another site (another origin) frames the
// embeddable card, and Chromium shows it; the same page framing the claim
// page itself gets nothing: the browser refuses to show it there.
func TestOtherSitesFrameOnlyTheEmbed(t *testing.T) {
	a := startApp(t)
	if _, err := demo.Load(context.Background(), a.store, io.Discard); err != nil {
		t.Fatal(err)
	}
	claim := a.url + "/claims/sessions-told-senators-he-had-no-communications-with-the-russians"
	publisher := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A publisher</title></head><body>
<h1>A publisher's article</h1>
<iframe src="%s/embed" width="550" height="400" title="Fact-check card"></iframe>
<iframe src="%s" width="550" height="400" title="Fact-check page"></iframe>
</body></html>`, claim, claim)
	}))
	t.Cleanup(publisher.Close)

	ctx := browser(t)
	do(t, ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(publisher.URL), chromedp.WaitVisible(chromedp.CSS("iframe")))
	// The frames load on their own; wait until both have an answer.
	var card, refused *cdp.Frame
	for deadline := time.Now().Add(10 * time.Second); ; {
		res, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		card, refused = nil, nil
		for _, f := range res.FrameTree.ChildFrames {
			switch {
			case f.Frame.URL == claim+"/embed" && f.Frame.UnreachableURL == "":
				card = f.Frame
			case f.Frame.UnreachableURL == claim || f.Frame.URL == "chrome-error://chromewebdata/":
				refused = f.Frame
			}
		}
		if card != nil && refused != nil {
			break
		}
		if time.Now().After(deadline) {
			for _, f := range res.FrameTree.ChildFrames {
				t.Logf("frame %q (unreachable %q)", f.Frame.URL, f.Frame.UnreachableURL)
			}
			t.Fatalf("after 10 s: the card's frame %v, the refused page's frame %v", card != nil, refused != nil)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if card.UnreachableURL != "" {
		t.Errorf("the card's frame did not load: %q", card.UnreachableURL)
	}
	shot(t, ctx, "embed-framed")
}
