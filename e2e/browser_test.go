// Package e2e drives the real application in real Chromium.
//
// The tests skip when Chromium is missing, unless CLAIMTRACKER_REQUIRE_BROWSER=1
// (as in CI), when a missing browser fails them. With
// CLAIMTRACKER_SCREENSHOTS=DIR they also save full-page screenshots there.
// After them the Nu HTML checker reads every page they were served
// (valid_html_test.go).
package e2e

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

const chromiumPath = "/usr/bin/chromium"

// app is the whole application on a real database and a real port.
type app struct {
	url   string
	store *models.Store
}

// startApp serves the application configured by mod; every HTML page it
// serves is kept for the HTML checker (valid_html_test.go).
func startApp(t *testing.T, mod ...func(*handlers.Config)) *app {
	t.Helper()
	s := modelstest.Open(t, modelstest.Engines()[len(modelstest.Engines())-1], models.Config{Logger: slog.New(slog.DiscardHandler)})
	srv := httptest.NewUnstartedServer(nil)
	base := &url.URL{Scheme: "http", Host: srv.Listener.Addr().String()}
	cfg := handlers.Config{Store: s, Logger: slog.New(slog.DiscardHandler), BaseURL: base}
	for _, m := range mod {
		m(&cfg)
	}
	srv.Config.Handler = servedPages.record(t.Name(), handlers.New(cfg))
	srv.Start()
	t.Cleanup(srv.Close)
	return &app{url: srv.URL, store: s}
}

// browser starts headless Chromium and returns a tab's context. The tab
// answers its JavaScript dialogs as dialogsOf says: a page that warns before
// it is left with unsaved changes is left, as when the user confirms.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CLAIMTRACKER_REQUIRE_BROWSER") == "1" {
			t.Fatalf("browser tests are required but %s is missing: %v", chromiumPath, err)
		}
		t.Skipf("no Chromium at %s; set CLAIMTRACKER_REQUIRE_BROWSER=1 to make this a failure", chromiumPath)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return context.WithValue(ctx, dialogKey{}, watchDialogs(ctx))
}

// dialogWatch counts the JavaScript dialogs a tab opens, by type, and
// answers each: it accepts them (a beforeunload warning then lets the page
// go), or, while stay is set, dismisses them (the page is kept).
type dialogWatch struct {
	mu   sync.Mutex
	seen map[page.DialogType]int
	stay bool
}

// dialogKey is the context key of a tab's dialogWatch.
type dialogKey struct{}

// dialogsOf is the dialogWatch of the tab browser returned as ctx.
func dialogsOf(ctx context.Context) *dialogWatch {
	w, _ := ctx.Value(dialogKey{}).(*dialogWatch)
	return w
}

func watchDialogs(ctx context.Context) *dialogWatch {
	w := &dialogWatch{seen: map[page.DialogType]int{}}
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			w.mu.Lock()
			w.seen[ev.Type]++
			accept := !w.stay
			w.mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
		}
	}()
	return w
}

// beforeUnload is how many beforeunload warnings the tab showed.
func (w *dialogWatch) beforeUnload() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen[page.DialogTypeBeforeunload]
}

// shot saves a full-page screenshot when CLAIMTRACKER_SCREENSHOTS is set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CLAIMTRACKER_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sessionCookie returns the session cookie the browser holds for base, or nil.
func sessionCookie(t *testing.T, ctx context.Context, base string) *network.Cookie {
	t.Helper()
	res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Cookies {
		if strings.HasSuffix(c.Name, "claimtracker_session") {
			return c
		}
	}
	return nil
}

// text returns the text of the first element matching the CSS selector.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

// signIn signs email in with modelstest.Password through a's login page and
// waits until the page offers to sign out.
func signIn(t *testing.T, ctx context.Context, a *app, email string) {
	t.Helper()
	do(t, ctx,
		chromedp.Navigate(a.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), email),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), modelstest.Password),
		chromedp.Click(chromedp.CSS(`main button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)),
	)
}

// do runs steps and fails the test on the first error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
