package e2e

import (
	"log/slog"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// startClockedApp is startApp on a clock the test moves.
func startClockedApp(t *testing.T) (*app, *modelstest.Clock) {
	t.Helper()
	clk := modelstest.NewClock(time.Now().UTC().Truncate(30 * time.Second).Add(5 * time.Second))
	s := modelstest.Open(t, modelstest.Engines()[len(modelstest.Engines())-1], models.Config{Logger: slog.New(slog.DiscardHandler), Now: clk.Now})
	srv := httptest.NewUnstartedServer(nil)
	base := &url.URL{Scheme: "http", Host: srv.Listener.Addr().String()}
	srv.Config.Handler = servedPages.record(t.Name(), handlers.New(handlers.Config{Store: s, Logger: slog.New(slog.DiscardHandler), BaseURL: base}))
	srv.Start()
	t.Cleanup(srv.Close)
	return &app{url: srv.URL, store: s}, clk
}

// An editor sets up two-factor sign-in from their account page (QR code,
// secret, a code computed here from the secret, recovery codes), signs out,
// and signs in again with the password and a fresh computed code.
func TestEnrolTOTPAndSignInWithAComputedCode(t *testing.T) {
	a, clk := startClockedApp(t)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	ctx := browser(t)

	do(t, ctx,
		chromedp.Navigate(a.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), ed.Email),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), modelstest.Password),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`input[name=password]`)),
		chromedp.Click(chromedp.CSS(`.nav a[href="/account"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/account/two-factor"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/account/two-factor"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/account/two-factor/setup"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/account/two-factor/setup"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#totp-secret`)),
	)
	// The QR code loads under the page's Content-Security-Policy.
	const qrWidth = `new Promise(done => {
		const img = document.querySelector('img.qr');
		if (img.complete) { done(img.naturalWidth); return; }
		img.addEventListener('load', () => done(img.naturalWidth));
		img.addEventListener('error', () => done(-1));
	})`
	if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](qrWidth, chromedp.EvalAwaitPromise)); err != nil || w < 200 {
		t.Fatalf("QR image width %d, %v", w, err)
	}
	shot(t, ctx, "two-factor-setup")
	secret := strings.ReplaceAll(text(t, ctx, `#totp-secret`), " ", "")
	code, err := totp.GenerateCode(secret, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#f-code`), code),
		chromedp.Click(chromedp.CSS(`form[action="/account/two-factor/confirm"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#recovery-codes`)),
	)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#recovery-codes li').length`))
	if err != nil || n != models.RecoveryCodeCount {
		t.Fatalf("%d recovery codes shown, %v", n, err)
	}
	shot(t, ctx, "two-factor-recovery-codes")

	// Sign out, then in again: the password is not enough any more.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.hero`)),
		chromedp.Navigate(a.url+"/desk"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), ed.Email),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), modelstest.Password),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
	)
	if c := sessionCookie(t, ctx, a.url); c != nil {
		t.Fatalf("a session cookie before the code: %s", c.Name)
	}
	shot(t, ctx, "login-code")
	clk.Add(30 * time.Second) // the enrolment code is used up; the app shows the next one
	code, err = totp.GenerateCode(secret, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`input[name=code]`)),
		chromedp.WaitVisible(chromedp.CSS(`.page-head h1`)),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/desk") {
		t.Fatalf("after the code the browser is at %s, %v", loc, err)
	}
	if c := sessionCookie(t, ctx, a.url); c == nil || !c.HTTPOnly {
		t.Fatalf("session cookie after the code: %+v", c)
	}
	if h := text(t, ctx, `.page-head h1`); h != "Good to see you, Test editor" {
		t.Fatalf("desk heading %q", h)
	}
}
