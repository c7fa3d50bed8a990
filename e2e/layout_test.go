package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Every page fits a phone's width and a desktop's without sideways
// scrolling, hides nothing behind a box that scrolls or clips sideways
// (the accounts table was cut off at 390 px), and has one h1 and a main
// landmark.
func TestPagesFitPhoneAndDesktop(t *testing.T) {
	a := startApp(t)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	if _, _, err := a.store.CreateAPIToken(context.Background(), nil, models.Meta{}, ed.Email, "CMS import"); err != nil {
		t.Fatal(err)
	}
	desk := seedDesk(t, a.store, ed, admin)
	seedJobs(t, a.store, ed)
	if _, err := a.store.BeginTwoFactor(context.Background(), admin, models.Meta{}); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"methodology", "/methodology"},
		{"people", "/people"},
		{"login", "/login"},
		{"not-found", "/no/such/page"},
	}
	signedIn := []struct{ name, path string }{
		{"desk-admin", "/desk"},
		{"review-queue", "/desk/review"},
		{"admin", "/admin"},
		{"admin-users", "/admin/users"},
		{"admin-settings", "/admin/settings"},
		{"admin-jobs", "/admin/jobs"},
		{"admin-user", "/admin/users/" + strconv.Itoa(int(ed.ID))},
		{"account", "/account"},
		{"account-password", "/account/password"},
		// With a key being set up: the QR code and the secret.
		{"account-two-factor", "/account/two-factor"},
	}
	signedIn = append(signedIn, desk.pages()...)
	check := func(name, path string) {
		for _, width := range []int64{360, 390, 1440} {
			do(t, ctx,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate(a.url+path),
				chromedp.WaitVisible(chromedp.CSS(`main h1`)),
			)
			over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if over > 0 {
				culprits, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`))
				t.Errorf("%s at %dpx scrolls sideways by %dpx; widest: %v", path, width, over, culprits)
			}
			// Nothing is cut off or hidden behind a sideways scroll; text
			// fields scroll their own value, and screen-reader text is
			// clipped on purpose.
			clipped, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => !e.matches('.sr-only, input, textarea, select') && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(clipped) > 0 {
				t.Errorf("%s at %dpx hides content sideways in %v", path, width, clipped)
			}
			h1s, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('h1').length + 10 * document.querySelectorAll('main').length`))
			if err != nil {
				t.Fatal(err)
			}
			if h1s != 11 {
				t.Errorf("%s: want one h1 and one main, got code %d", path, h1s)
			}
			shot(t, ctx, fmt.Sprintf("%s-%d", name, width))
		}
	}
	for _, p := range pages {
		check(p.name, p.path)
	}
	signIn(t, ctx, a, "admin@example.org")
	for _, p := range signedIn {
		check(p.name, p.path)
	}
	_ = url.Values{}
}
