package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor signs in through the real login page and sees the desk; a wrong
// password shows an error and leaves no session.
func TestEditorSignsInThroughTheLoginPage(t *testing.T) {
	a := startApp(t)
	modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	ctx := browser(t)

	do(t, ctx,
		chromedp.Navigate(a.url+"/desk"), // sent to the login page first
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), "editor@example.org"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "this is not it"),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.error`)),
	)
	if got := text(t, ctx, `.alert.error`); got != "Wrong email or password." {
		t.Fatalf("error shown: %q", got)
	}
	if c := sessionCookie(t, ctx, a.url); c != nil {
		t.Fatalf("a wrong password left a session cookie: %s", c.Name)
	}
	shot(t, ctx, "login-error")

	do(t, ctx,
		chromedp.Clear(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), "editor@example.org"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), modelstest.Password),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`input[name=password]`)),
		chromedp.WaitVisible(chromedp.CSS(`.page-head h1`)),
	)
	if h := text(t, ctx, `.page-head h1`); h != "Good to see you, Test editor" {
		t.Fatalf("desk heading %q", h)
	}
	if who := text(t, ctx, `.page-head .muted`); !strings.Contains(who, "editor@example.org") || !strings.Contains(who, "editor") {
		t.Fatalf("desk shows %q", who)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/desk") {
		t.Fatalf("after login the browser is at %s, want the desk it asked for", loc)
	}
	c := sessionCookie(t, ctx, a.url)
	if c == nil || !c.HTTPOnly || c.SameSite != "Lax" {
		t.Fatalf("session cookie %+v", c)
	}
	shot(t, ctx, "desk")

	// Signing out ends the session: the desk asks for a login again.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.hero`)),
		chromedp.Navigate(a.url+"/desk"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=password]`)),
	)
	if c := sessionCookie(t, ctx, a.url); c != nil {
		t.Fatalf("session cookie after sign-out: %+v", c)
	}
}
