package handlers_test

import (
	"bytes"
	"context"
	"html"
	"image/png"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// newClockedServer is the app on a store whose clock the test moves. It
// starts 10 s into a 30 s TOTP step.
func newClockedServer(t *testing.T, engine string) (*testServer, *modelstest.Clock) {
	t.Helper()
	clk := modelstest.NewClock(time.Now().UTC().Truncate(30 * time.Second).Add(10 * time.Second))
	s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler), Now: clk.Now})
	return newServerOn(t, s), clk
}

func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func expect(t *testing.T, what string, r result, status int, location string) {
	t.Helper()
	if r.status != status || (location != "" && r.header.Get("Location") != location) {
		t.Fatalf("%s: %d → %q, want %d → %q\n%.600s", what, r.status, r.header.Get("Location"), status, location, r.body)
	}
}

func TestChangeOwnPasswordEndsOtherSessions(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			here, ed := ts.login(t, "ed@example.org", models.RoleEditor)
			there := ts.client(t)
			expect(t, "second browser", ts.post(t, there, "/login", form("email", ed.Email, "password", modelstest.Password)), 303, "/desk")

			pg := ts.get(t, here, "/account/password")
			expect(t, "password page", pg, 200, "")
			mustContain(t, "password page", pg.body, `action="/account/password"`, `name="current_password"`, `autocomplete="new-password"`, "At least 12 characters")

			cases := []struct {
				what string
				in   url.Values
				want string
			}{
				{"confirmation differs", form("current_password", modelstest.Password, "new_password", "a brand new passphrase", "new_password_confirm", "a brand new passphrasE"), "New password again does not match the new password"},
				{"wrong current password", form("current_password", "not my password at all", "new_password", "a brand new passphrase", "new_password_confirm", "a brand new passphrase"), "Current password is not right"},
				{"too short", form("current_password", modelstest.Password, "new_password", "short one", "new_password_confirm", "short one"), "New password must be at least 12 characters"},
				{"password with spaces kept as typed", form("current_password", " "+modelstest.Password, "new_password", "a brand new passphrase", "new_password_confirm", "a brand new passphrase"), "Current password is not right"},
			}
			for _, c := range cases {
				r := ts.post(t, here, "/account/password", c.in)
				expect(t, c.what, r, 422, "")
				mustContain(t, c.what, r.body, c.want)
				if strings.Contains(r.body, "passphrase") || strings.Contains(r.body, modelstest.Password) {
					t.Fatalf("%s: a password was echoed back", c.what)
				}
			}
			// A form sent from another site changes nothing.
			cross := ts.do(t, here, "POST", "/account/password", strings.NewReader(form("current_password", modelstest.Password, "new_password", "a brand new passphrase", "new_password_confirm", "a brand new passphrase").Encode()), map[string]string{"Sec-Fetch-Site": "cross-site"})
			expect(t, "cross-site change", cross, 403, "")
			expect(t, "other browser after refusals", ts.get(t, there, "/desk"), 200, "")

			before := ts.sessionCookie(t, here)
			ok := ts.post(t, here, "/account/password", form("current_password", modelstest.Password, "new_password", "a brand new passphrase", "new_password_confirm", "a brand new passphrase"))
			expect(t, "change", ok, 303, "/account?done=password-changed")
			after := ts.sessionCookie(t, here)
			if after == nil || after.Value == before.Value {
				t.Fatal("this browser's session was not renewed")
			}
			page := ts.get(t, here, "/account?done=password-changed")
			expect(t, "account after change", page, 200, "")
			mustContain(t, "account after change", page.body, "Password changed.")
			expect(t, "other browser after change", ts.get(t, there, "/desk"), 303, "/login?next=%2Fdesk")
			stale := ts.client(t)
			u, _ := url.Parse(ts.URL)
			stale.Jar.SetCookies(u, []*http.Cookie{before})
			expect(t, "old cookie of this browser", ts.get(t, stale, "/desk"), 303, "/login?next=%2Fdesk")
			if evs, _ := ts.store.AuditEvents(context.Background(), models.AuditQuery{Action: "password.change"}); len(evs) != 1 || *evs[0].ObjectID != ed.ID {
				t.Fatalf("audit: %+v", evs)
			}
		})
	}
}

func TestOwnSessionsAndTokensAreListedAndRevocable(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			ctx := context.Background()
			here, ed := ts.login(t, "ed@example.org", models.RoleEditor)
			there := ts.client(t)
			ts.do(t, there, "POST", "/login", strings.NewReader(form("email", ed.Email, "password", modelstest.Password).Encode()),
				map[string]string{"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"})
			other, _ := ts.login(t, "other@example.org", models.RoleEditor)
			if _, _, err := ts.store.CreateAPIToken(ctx, nil, models.Meta{}, ed.Email, "CMS import"); err != nil {
				t.Fatal(err)
			}
			if _, _, err := ts.store.CreateAPIToken(ctx, nil, models.Meta{}, "other@example.org", "Theirs"); err != nil {
				t.Fatal(err)
			}
			page := ts.get(t, here, "/account")
			expect(t, "account page", page, 200, "")
			mustContain(t, "account page", page.body, "<h1 dir=\"auto\">Test ed</h1>", "Where you are signed in", "Firefox on Windows", "CMS import", "ct_", "127.0.0.1", "Sign out here", "End session")
			if n := strings.Count(page.body, "this browser"); n != 1 {
				t.Fatalf("%d sessions marked as this browser, want 1", n)
			}
			if strings.Contains(page.body, "Theirs") {
				t.Fatal("another user's token is listed")
			}

			mine, _ := ts.store.ListSessions(ctx, ed.ID)
			theirs, _ := ts.store.ListSessions(ctx, mustUser(t, ts, "other@example.org").ID)
			hereCk := ts.sessionCookie(t, here)
			var thereID, hereID uint
			for _, s := range mine {
				if s.IsToken(hereCk.Value) {
					hereID = s.ID
				} else {
					thereID = s.ID
				}
			}
			// Someone else's session or token is not there to revoke.
			expect(t, "revoke their session", ts.post(t, here, "/account/sessions/"+strconv.Itoa(int(theirs[0].ID))+"/revoke", nil), 404, "")
			expect(t, "their browser", ts.get(t, other, "/desk"), 200, "")
			theirTokens, _ := ts.store.ListAPITokens(ctx, theirs[0].UserID)
			expect(t, "revoke their token", ts.post(t, here, "/account/tokens/"+strconv.Itoa(int(theirTokens[0].ID))+"/revoke", nil), 404, "")
			if tt, _ := ts.store.ListAPITokens(ctx, theirs[0].UserID); tt[0].RevokedAt != nil {
				t.Fatal("another user's token was revoked")
			}

			expect(t, "end the other session", ts.post(t, here, "/account/sessions/"+strconv.Itoa(int(thereID))+"/revoke", nil), 303, "/account?done=session-ended")
			expect(t, "the other browser", ts.get(t, there, "/desk"), 303, "/login?next=%2Fdesk")
			expect(t, "this browser", ts.get(t, here, "/desk"), 200, "")

			myTokens, _ := ts.store.ListAPITokens(ctx, ed.ID)
			expect(t, "revoke my token", ts.post(t, here, "/account/tokens/"+strconv.Itoa(int(myTokens[0].ID))+"/revoke", nil), 303, "/account?done=revoked")
			if tt, _ := ts.store.ListAPITokens(ctx, ed.ID); tt[0].RevokedAt == nil {
				t.Fatal("my token still works")
			}
			mustContain(t, "account after revoking", ts.get(t, here, "/account").body, `class="pill off">revoked`)

			// Ending this browser's own session signs it out at once.
			expect(t, "end this session", ts.post(t, here, "/account/sessions/"+strconv.Itoa(int(hereID))+"/revoke", nil), 303, "/login")
			if ck := ts.sessionCookie(t, here); ck != nil {
				t.Fatalf("cookie left after ending this session: %v", ck)
			}
			replay := ts.client(t)
			u, _ := url.Parse(ts.URL)
			replay.Jar.SetCookies(u, []*http.Cookie{hereCk})
			expect(t, "replayed cookie", ts.get(t, replay, "/account"), 303, "/login?next=%2Faccount")
		})
	}
}

func mustUser(t *testing.T, ts *testServer, email string) *models.User {
	t.Helper()
	u, err := ts.store.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

var (
	resetLinkRE = regexp.MustCompile(`id="reset-link">([^<]+)<`)
	secretRE    = regexp.MustCompile(`id="totp-secret">([A-Z2-7 ]+)<`)
	codesRE     = regexp.MustCompile(`<li><code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</code></li>`)
)

func TestAdminMakesAOneTimeResetLink(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			admin, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
			edBrowser, ed := ts.login(t, "ed@example.org", models.RoleEditor)
			userPage := "/admin/users/" + strconv.Itoa(int(ed.ID))
			mustContain(t, "admin's page of the account", ts.get(t, admin, userPage).body, "Make a reset link", "Two-factor sign-in:", "<strong>off</strong>")

			made := ts.post(t, admin, userPage+"/reset-link", nil)
			expect(t, "make reset link", made, 201, "")
			m := resetLinkRE.FindStringSubmatch(made.body)
			if m == nil {
				t.Fatalf("no link shown:\n%s", made.body)
			}
			link, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil || link.Path != "/reset" || !strings.HasPrefix(link.String(), ts.URL) {
				t.Fatalf("link %q: %v", m[1], err)
			}
			token := link.Query().Get("token")
			mustContain(t, "made", made.body, "it is not shown again", "It works once, until")
			if strings.Contains(ts.get(t, admin, userPage).body, token) {
				t.Fatal("the link is shown again")
			}

			anon := ts.client(t)
			open := ts.get(t, anon, "/reset?token="+url.QueryEscape(token))
			expect(t, "open link", open, 200, "")
			mustContain(t, "reset page", open.body, "Set a new password", ed.Email, `name="password_confirm"`)
			if open.header.Get("Referrer-Policy") != "no-referrer" {
				t.Fatalf("Referrer-Policy %q", open.header.Get("Referrer-Policy"))
			}
			mismatch := ts.post(t, anon, "/reset", form("token", token, "password", "a brand new passphrase", "password_confirm", "something else entirely"))
			expect(t, "mismatch", mismatch, 422, "")
			mustContain(t, "mismatch", mismatch.body, "New password again does not match")
			short := ts.post(t, anon, "/reset", form("token", token, "password", "short", "password_confirm", "short"))
			expect(t, "short", short, 422, "")
			mustContain(t, "short", short.body, "New password must be at least 12 characters")
			expect(t, "editor still signed in", ts.get(t, edBrowser, "/desk"), 200, "")

			done := ts.post(t, anon, "/reset", form("token", token, "password", "a brand new passphrase", "password_confirm", "a brand new passphrase"))
			expect(t, "reset", done, 303, "/login?done=password-set")
			mustContain(t, "login after reset", ts.get(t, anon, "/login?done=password-set").body, "Your new password is set.")
			expect(t, "editor's old session", ts.get(t, edBrowser, "/desk"), 303, "/login?next=%2Fdesk")
			expect(t, "login with new password", ts.post(t, ts.client(t), "/login", form("email", ed.Email, "password", "a brand new passphrase")), 303, "/desk")

			// Used, wrong or missing: 404, and nothing changes.
			for _, path := range []string{"/reset?token=" + url.QueryEscape(token), "/reset?token=r_nope", "/reset"} {
				expect(t, path, ts.get(t, anon, path), 404, "")
			}
			again := ts.post(t, anon, "/reset", form("token", token, "password", "yet another passphrase", "password_confirm", "yet another passphrase"))
			expect(t, "second use", again, 404, "")

			// No link for a disabled account.
			expect(t, "disable", ts.post(t, admin, userPage, form("disabled", "true")), 303, "")
			expect(t, "link for a disabled account", ts.post(t, admin, userPage+"/reset-link", nil), 409, "")
		})
	}
}

// enrolOverHTTP sets up two-factor sign-in through the pages and returns
// the secret and the recovery codes shown.
func enrolOverHTTP(t *testing.T, ts *testServer, c *http.Client, clk *modelstest.Clock) (string, []string) {
	t.Helper()
	expect(t, "begin set-up", ts.post(t, c, "/account/two-factor/setup", nil), 303, "/account/two-factor")
	pg := ts.get(t, c, "/account/two-factor")
	m := secretRE.FindStringSubmatch(pg.body)
	if m == nil {
		t.Fatalf("no secret on the set-up page:\n%s", pg.body)
	}
	secret := strings.ReplaceAll(m[1], " ", "")
	code, err := totp.GenerateCode(secret, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	done := ts.post(t, c, "/account/two-factor/confirm", form("code", code))
	expect(t, "confirm", done, 200, "")
	var codes []string
	for _, m := range codesRE.FindAllStringSubmatch(done.body, -1) {
		codes = append(codes, m[1])
	}
	if len(codes) != models.RecoveryCodeCount {
		t.Fatalf("%d recovery codes shown, want %d", len(codes), models.RecoveryCodeCount)
	}
	return secret, codes
}

func (ts *testServer) pendingCookie(t *testing.T, c *http.Client) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(ts.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if strings.HasSuffix(ck.Name, "claimtracker_pending") {
			return ck
		}
	}
	return nil
}

func TestTOTPTwoFactorSignInOverHTTP(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts, clk := newClockedServer(t, engine)
			c, ed := ts.login(t, "ed@example.org", models.RoleEditor)

			off := ts.get(t, c, "/account/two-factor")
			expect(t, "two-factor page", off, 200, "")
			mustContain(t, "two-factor page", off.body, "Set up two-factor sign-in", `action="/account/two-factor/setup"`)
			expect(t, "QR before set-up", ts.get(t, c, "/account/two-factor/qr.png"), 404, "")

			expect(t, "begin set-up", ts.post(t, c, "/account/two-factor/setup", nil), 303, "/account/two-factor")
			setup := ts.get(t, c, "/account/two-factor")
			mustContain(t, "set-up page", setup.body, `src="/account/two-factor/qr.png"`, `id="totp-secret"`, `autocomplete="one-time-code"`)
			qr := ts.get(t, c, "/account/two-factor/qr.png")
			expect(t, "QR", qr, 200, "")
			if qr.header.Get("Content-Type") != "image/png" || qr.header.Get("Cache-Control") != "no-store" {
				t.Fatalf("QR headers %v", qr.header)
			}
			if img, err := png.Decode(bytes.NewReader([]byte(qr.body))); err != nil || img.Bounds().Dx() < 200 {
				t.Fatalf("QR image: %v", err)
			}
			expect(t, "QR anonymously", ts.get(t, ts.client(t), "/account/two-factor/qr.png"), 303, "")

			wrong := ts.post(t, c, "/account/two-factor/confirm", form("code", "000000"))
			expect(t, "wrong code", wrong, 422, "")
			mustContain(t, "wrong code", wrong.body, "Six-digit code is not the code your app shows now", `id="totp-secret"`)

			secret, codes := enrolOverHTTP(t, ts, c, clk)
			on := ts.get(t, c, "/account/two-factor")
			mustContain(t, "page when on", on.body, "10 recovery codes left", "Turn off two-factor sign-in")
			if codesRE.MatchString(on.body) || strings.Contains(on.body, secret) {
				t.Fatal("recovery codes or the secret are shown again")
			}
			expect(t, "QR when on", ts.get(t, c, "/account/two-factor/qr.png"), 404, "")
			expect(t, "set-up again when on", ts.post(t, c, "/account/two-factor/setup", nil), 409, "")
			mustContain(t, "account page", ts.get(t, c, "/account").body, `class="status on">on`)

			// Signing in takes two steps now.
			b := ts.client(t)
			step1 := ts.post(t, b, "/login", form("email", ed.Email, "password", modelstest.Password, "next", "/desk/claims"))
			expect(t, "password step", step1, 303, "/login/code?next=%2Fdesk%2Fclaims")
			if ts.sessionCookie(t, b) != nil {
				t.Fatal("a session cookie before the code")
			}
			if ts.pendingCookie(t, b) == nil {
				t.Fatal("no pending sign-in cookie")
			}
			if !strings.Contains(step1.header.Get("Set-Cookie"), "HttpOnly") {
				t.Fatalf("pending cookie %q is not HttpOnly", step1.header.Get("Set-Cookie"))
			}
			expect(t, "desk before the code", ts.get(t, b, "/desk"), 303, "/login?next=%2Fdesk")
			form2 := ts.get(t, b, "/login/code?next=%2Fdesk%2Fclaims")
			expect(t, "code form", form2, 200, "")
			mustContain(t, "code form", form2.body, `action="/login/code"`, `value="/desk/claims"`, "recovery codes")

			bad := ts.post(t, b, "/login/code", form("code", "000000", "next", "/desk/claims"))
			expect(t, "wrong code", bad, 401, "")
			mustContain(t, "wrong code", bad.body, "Code is not right. 4 tries left.")
			// The enrolment code is used up; the next step's code works.
			clk.Add(30 * time.Second)
			code, _ := totp.GenerateCode(secret, clk.Now())
			good := ts.post(t, b, "/login/code", form("code", code, "next", "/desk/claims"))
			expect(t, "right code", good, 303, "/desk/claims")
			if ts.sessionCookie(t, b) == nil || ts.pendingCookie(t, b) != nil {
				t.Fatal("after the code: want a session cookie and no pending cookie")
			}
			expect(t, "desk after the code", ts.get(t, b, "/desk"), 200, "")

			// The same code again, in another browser: refused.
			r := ts.client(t)
			expect(t, "password step again", ts.post(t, r, "/login", form("email", ed.Email, "password", modelstest.Password)), 303, "/login/code?next=%2Fdesk")
			expect(t, "replayed code", ts.post(t, r, "/login/code", form("code", code)), 401, "")
			// A recovery code works instead, once.
			expect(t, "recovery code", ts.post(t, r, "/login/code", form("code", strings.ToUpper(codes[3]))), 303, "/desk")
			s := ts.client(t)
			ts.post(t, s, "/login", form("email", ed.Email, "password", modelstest.Password))
			expect(t, "recovery code twice", ts.post(t, s, "/login/code", form("code", codes[3])), 401, "")
			expect(t, "empty code", ts.post(t, s, "/login/code", form("code", " ")), 422, "")

			// Five wrong codes end the pending sign-in: then even the right
			// code, with the cookie replayed, opens nothing.
			for i := 2; i < models.MaxCodeAttempts; i++ { // the used recovery code was wrong code 1
				expect(t, "wrong code", ts.post(t, s, "/login/code", form("code", "999999")), 401, "")
			}
			pendingCk := ts.pendingCookie(t, s)
			last := ts.post(t, s, "/login/code", form("code", "999999"))
			expect(t, "last wrong code", last, 401, "")
			mustContain(t, "last wrong code", last.body, "Too many wrong codes. Sign in again.", `action="/login"`)
			if ts.pendingCookie(t, s) != nil {
				t.Fatal("pending cookie kept after the sign-in ended")
			}
			u, _ := url.Parse(ts.URL)
			s.Jar.SetCookies(u, []*http.Cookie{pendingCk})
			expect(t, "code form after the end", ts.get(t, s, "/login/code"), 303, "/login?next=%2Fdesk")
			s.Jar.SetCookies(u, []*http.Cookie{pendingCk})
			clk.Add(30 * time.Second)
			code, _ = totp.GenerateCode(secret, clk.Now())
			expect(t, "right code after the end", ts.post(t, s, "/login/code", form("code", code)), 401, "")
			if ts.sessionCookie(t, s) != nil {
				t.Fatal("a session after the pending sign-in ended")
			}

			// New recovery codes and turning it off need the password.
			wrongPw := ts.post(t, c, "/account/two-factor/disable", form("password", "not my password at all"))
			expect(t, "turn off with a wrong password", wrongPw, 422, "")
			mustContain(t, "wrong password", wrongPw.body, "Current password is not right")
			newCodes := ts.post(t, c, "/account/two-factor/recovery-codes", form("password", modelstest.Password))
			expect(t, "new recovery codes", newCodes, 200, "")
			if n := len(codesRE.FindAllString(newCodes.body, -1)); n != models.RecoveryCodeCount {
				t.Fatalf("%d new codes shown", n)
			}
			expect(t, "turn off", ts.post(t, c, "/account/two-factor/disable", form("password", modelstest.Password)), 303, "/account/two-factor?done=two-factor-off")
			expect(t, "login without a code", ts.post(t, ts.client(t), "/login", form("email", ed.Email, "password", modelstest.Password)), 303, "/desk")
			expect(t, "turn off again", ts.post(t, c, "/account/two-factor/disable", form("password", modelstest.Password)), 409, "")
		})
	}
}

func TestAdminsMustEnrolWhenTheSiteRequiresIt(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts, clk := newClockedServer(t, engine)
			admin, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
			ed, _ := ts.login(t, "ed@example.org", models.RoleEditor)
			settings := form("organization_name", "The Desk", "corrections_policy", "We correct.", "require_admin_two_factor", "true", "revision", "1")
			expect(t, "save settings", ts.post(t, admin, "/admin/settings", settings), 303, "")

			// Straight away: this admin is sent to set it up, and nothing else works.
			expect(t, "desk", ts.get(t, admin, "/desk"), 303, "/account/two-factor")
			expect(t, "public page", ts.get(t, admin, "/"), 303, "/account/two-factor")
			expect(t, "account page", ts.get(t, admin, "/account"), 303, "/account/two-factor")
			refused := ts.post(t, admin, "/admin/settings", form("organization_name", "Taken over", "corrections_policy", "x"))
			expect(t, "settings while not enrolled", refused, 403, "")
			mustContain(t, "refusal", refused.body, "Set up two-factor sign-in first")
			if st, _ := ts.store.Settings(context.Background()); st.OrganizationName != "The Desk" {
				t.Fatalf("a refused post changed the settings: %+v", st)
			}
			pg := ts.get(t, admin, "/account/two-factor")
			expect(t, "enrolment page", pg, 200, "")
			mustContain(t, "enrolment page", pg.body, "This site requires two-factor sign-in for admins")
			expect(t, "editor is not held", ts.get(t, ed, "/desk"), 200, "")

			// A fresh sign-in lands there too.
			fresh := ts.client(t)
			expect(t, "admin signs in", ts.post(t, fresh, "/login", form("email", "admin@example.org", "password", modelstest.Password)), 303, "/desk")
			expect(t, "and is sent to enrol", ts.get(t, fresh, "/desk"), 303, "/account/two-factor")

			enrolOverHTTP(t, ts, admin, clk)
			expect(t, "desk after enrolling", ts.get(t, admin, "/desk"), 200, "")
			set := ts.get(t, admin, "/admin/settings")
			mustContain(t, "settings page", set.body, `name="require_admin_two_factor"`, "checked")
			// It cannot be turned off while required.
			on := ts.get(t, admin, "/account/two-factor")
			mustContain(t, "page when required", on.body, "so it stays on")
			expect(t, "turn off while required", ts.post(t, admin, "/account/two-factor/disable", form("password", modelstest.Password)), 409, "")
		})
	}
}
