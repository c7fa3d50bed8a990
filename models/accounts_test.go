package models_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func newClock() *modelstest.Clock {
	// 10 s into a 30 s TOTP step, so that a code stays current while a test runs.
	return modelstest.NewClock(time.Date(2026, 11, 27, 9, 0, 10, 0, time.UTC))
}

// forEachClocked runs fn on each engine with a fresh store on a fresh clock.
func forEachClocked(t *testing.T, fn func(t *testing.T, s *models.Store, clock *modelstest.Clock)) {
	t.Helper()
	forEachClockedWith(t, models.Config{}, fn)
}

// forEachClockedWith is forEachClocked with a store configured by cfg.
func forEachClockedWith(t *testing.T, cfg models.Config, fn func(t *testing.T, s *models.Store, clock *modelstest.Clock)) {
	t.Helper()
	for _, e := range modelstest.Engines() {
		t.Run(e, func(t *testing.T) {
			clock := newClock()
			cfg.Now = clock.Now
			fn(t, modelstest.Open(t, e, cfg), clock)
		})
	}
}

func auditCount(t *testing.T, s *models.Store, action string) int {
	t.Helper()
	evs, err := s.AuditEvents(context.Background(), models.AuditQuery{Action: action})
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

func login(t *testing.T, s *models.Store, email, password string) string {
	t.Helper()
	tok, _, err := s.Login(context.Background(), models.Meta{}, email, password)
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	return tok
}

const newPassword = "a brand new passphrase"

func TestChangePasswordNeedsTheCurrentOneAndEndsOtherSessions(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		here := login(t, s, ed.Email, modelstest.Password)
		other := login(t, s, ed.Email, modelstest.Password)

		cases := []struct{ current, next, field string }{
			{"", newPassword, "current_password"},
			{"not my password at all", newPassword, "current_password"},
			{modelstest.Password, "too short", "new_password"},
			{modelstest.Password, modelstest.Password, "new_password"},
		}
		for _, c := range cases {
			_, err := s.ChangePassword(ctx, ed, models.Meta{}, c.current, c.next)
			if models.FieldErrors(err)[c.field] == "" {
				t.Errorf("change %q → %q: %v, want a %s field error", c.current, c.next, err, c.field)
			}
		}
		// Nothing changed: both sessions work, the old password too.
		for _, tok := range []string{here, other} {
			if _, err := s.SessionUser(ctx, tok); err != nil {
				t.Fatalf("session ended by a refused change: %v", err)
			}
		}
		login(t, s, ed.Email, modelstest.Password)
		if n := auditCount(t, s, "password.change.failure"); n != 1 {
			t.Fatalf("wrong current passwords audited: %d, want 1", n)
		}

		fresh, err := s.ChangePassword(ctx, ed, models.Meta{}, modelstest.Password, newPassword)
		if err != nil || fresh == "" || fresh == here {
			t.Fatalf("change: %q %v", fresh, err)
		}
		for _, tok := range []string{here, other} {
			if _, err := s.SessionUser(ctx, tok); !errors.Is(err, models.ErrUnauthenticated) {
				t.Fatalf("old session after password change: %v", err)
			}
		}
		if u, err := s.SessionUser(ctx, fresh); err != nil || u.ID != ed.ID {
			t.Fatalf("fresh session: %v %v", u, err)
		}
		if n, _ := s.CountSessions(ctx, ed.ID); n != 1 {
			t.Fatalf("sessions after change = %d, want 1", n)
		}
		if _, _, err := s.Login(ctx, models.Meta{}, ed.Email, modelstest.Password); !errors.Is(err, models.ErrBadCredentials) {
			t.Fatalf("old password after change: %v", err)
		}
		login(t, s, ed.Email, newPassword)
		if n := auditCount(t, s, "password.change"); n != 1 {
			t.Fatalf("password.change events = %d", n)
		}
	})
}

func TestSetPasswordFromTheCommandLineEndsSessions(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		tok := login(t, s, ed.Email, modelstest.Password)
		if _, err := s.SetPassword(ctx, models.Meta{}, "nobody@example.org", newPassword); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("unknown email: %v", err)
		}
		if _, err := s.SetPassword(ctx, models.Meta{}, ed.Email, "short"); models.FieldErrors(err)["password"] == "" {
			t.Fatalf("short password: %v", err)
		}
		if _, err := s.SessionUser(ctx, tok); err != nil {
			t.Fatalf("a refused set ended the session: %v", err)
		}
		if _, err := s.SetPassword(ctx, models.Meta{}, "ED@example.org", newPassword); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, tok); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("session after set password: %v", err)
		}
		login(t, s, ed.Email, newPassword)
		if n := auditCount(t, s, "password.set"); n != 1 {
			t.Fatalf("password.set events = %d", n)
		}
	})
}

func TestPasswordResetLinkIsOneTimeAndExpires(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		rev := modelstest.User(t, s, "rev@example.org", models.RoleReviewer)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		if _, _, err := s.CreatePasswordReset(ctx, rev, models.Meta{}, ed.ID); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("reviewer makes a reset link: %v", err)
		}
		if _, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, 9999); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("link for unknown user: %v", err)
		}
		tok := login(t, s, ed.Email, modelstest.Password)
		first, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID)
		if err != nil {
			t.Fatal(err)
		}
		link, exp, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID)
		if err != nil || !exp.Equal(clock.Now().Add(models.PasswordResetLifetime)) {
			t.Fatalf("reset link: %v, expires %v", err, exp)
		}
		if _, err := s.PasswordResetUser(ctx, first); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("an older link still works after a new one: %v", err)
		}
		if u, err := s.PasswordResetUser(ctx, link); err != nil || u.ID != ed.ID {
			t.Fatalf("link user: %v %v", u, err)
		}
		// A refused password leaves the link usable and changes nothing.
		if _, err := s.ResetPassword(ctx, models.Meta{}, link, "short"); models.FieldErrors(err)["password"] == "" {
			t.Fatalf("short password: %v", err)
		}
		if _, err := s.ResetPassword(ctx, models.Meta{}, link+"x", newPassword); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("wrong token: %v", err)
		}
		if _, err := s.SessionUser(ctx, tok); err != nil {
			t.Fatalf("refused resets ended a session: %v", err)
		}
		u, err := s.ResetPassword(ctx, models.Meta{}, link, newPassword)
		if err != nil || u.ID != ed.ID {
			t.Fatalf("reset: %v", err)
		}
		if _, err := s.SessionUser(ctx, tok); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("session after reset: %v", err)
		}
		login(t, s, ed.Email, newPassword)
		if _, err := s.ResetPassword(ctx, models.Meta{}, link, "yet another passphrase"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("second use: %v", err)
		}
		if _, err := s.PasswordResetUser(ctx, link); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("used link still opens: %v", err)
		}

		// Expiry.
		late, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID)
		if err != nil {
			t.Fatal(err)
		}
		clock.Add(models.PasswordResetLifetime + time.Second)
		if _, err := s.ResetPassword(ctx, models.Meta{}, late, "yet another passphrase"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("expired link: %v", err)
		}
		login(t, s, ed.Email, newPassword)

		// Not for a disabled account; a disabled account's link stops working.
		live, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID)
		if err != nil {
			t.Fatal(err)
		}
		off := true
		if _, err := s.UpdateUser(ctx, admin, models.Meta{}, ed.ID, models.UserChange{Disabled: &off}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResetPassword(ctx, models.Meta{}, live, "yet another passphrase"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("link of a disabled account: %v", err)
		}
		if _, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("link for a disabled account: %v", err)
		}
		if n := auditCount(t, s, "password_reset.create"); n != 4 {
			t.Fatalf("password_reset.create events = %d, want 4", n)
		}
		if n := auditCount(t, s, "password.reset"); n != 1 {
			t.Fatalf("password.reset events = %d, want 1", n)
		}
	})
}

// Of several requests that use one reset link at once, exactly one sets
// its password; the others are refused and change nothing.
func TestPasswordResetLinkWorksOnceUnderConcurrency(t *testing.T) {
	// Enough hashing slots that every request reaches the link (bounded
	// hashing has tests of its own).
	modelstest.ForEach(t, models.Config{PasswordHashers: 8, HashWait: time.Minute}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		link, _, err := s.CreatePasswordReset(ctx, admin, models.Meta{}, ed.ID)
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				_, errs[i] = s.ResetPassword(ctx, models.Meta{}, link, fmt.Sprintf("concurrent passphrase %d", i))
			})
		}
		close(start)
		wg.Wait()
		winner := -1
		for i, err := range errs {
			switch {
			case err == nil:
				if winner >= 0 {
					t.Fatalf("requests %d and %d both used the link", winner, i)
				}
				winner = i
			case !errors.Is(err, models.ErrNotFound):
				t.Fatalf("request %d: %v, want ErrNotFound", i, err)
			}
		}
		if winner < 0 {
			t.Fatal("no request used the link")
		}
		login(t, s, ed.Email, fmt.Sprintf("concurrent passphrase %d", winner))
		if n := auditCount(t, s, "password.reset"); n != 1 {
			t.Fatalf("password.reset events = %d, want 1", n)
		}
	})
}

// enrol turns two-factor sign-in on for u with a code computed from the
// secret, and returns the secret and the recovery codes.
func enrol(t *testing.T, s *models.Store, clock *modelstest.Clock, u *models.User) (string, []string) {
	t.Helper()
	ctx := context.Background()
	setup, err := s.BeginTwoFactor(ctx, u, models.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	code, err := totp.GenerateCode(setup.Secret, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	codes, err := s.ConfirmTwoFactor(ctx, u, models.Meta{}, code)
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	return setup.Secret, codes
}

// pending signs in with the password and returns the pending sign-in's token.
func pending(t *testing.T, s *models.Store, email, password string) string {
	t.Helper()
	tok, u, err := s.Login(context.Background(), models.Meta{}, email, password)
	var sf *models.SecondFactorRequired
	if !errors.As(err, &sf) || tok != "" || u != nil || sf.Token == "" {
		t.Fatalf("login with two-factor on: %q %v %v, want a pending sign-in and no session", tok, u, err)
	}
	return sf.Token
}

func TestTOTPEnrolAndSignInWithAComputedCode(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		if st, err := s.TwoFactorStatus(ctx, ed); err != nil || st.Enabled() || st.Setup != nil {
			t.Fatalf("status before: %+v %v", st, err)
		}
		if _, err := s.ConfirmTwoFactor(ctx, ed, models.Meta{}, "123456"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("confirm before set-up: %v", err)
		}
		setup, err := s.BeginTwoFactor(ctx, ed, models.Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(setup.URL, "otpauth://totp/") || !strings.Contains(setup.URL, "secret="+setup.Secret) || len(setup.Secret) != 32 {
			t.Fatalf("set-up %+v", setup)
		}
		if k, err := setup.Key(); err != nil || k.Secret() != setup.Secret || k.AccountName() != ed.Email {
			t.Fatalf("key %v %v", k, err)
		}
		// Until confirmed, sign-in needs no code.
		login(t, s, ed.Email, modelstest.Password)
		st, _ := s.TwoFactorStatus(ctx, ed)
		if st.Enabled() || st.Setup == nil || st.Setup.Secret != setup.Secret {
			t.Fatalf("status during set-up: %+v", st)
		}
		// A wrong code does not confirm.
		good, _ := totp.GenerateCode(setup.Secret, clock.Now())
		bad := fmt.Sprintf("%06d", (atoi(good)+1)%1000000)
		if _, err := s.ConfirmTwoFactor(ctx, ed, models.Meta{}, bad); models.FieldErrors(err)["code"] == "" {
			t.Fatalf("wrong code confirms: %v", err)
		}
		codes, err := s.ConfirmTwoFactor(ctx, ed, models.Meta{}, good)
		if err != nil || len(codes) != models.RecoveryCodeCount {
			t.Fatalf("confirm: %v, %d codes", err, len(codes))
		}
		if _, err := s.BeginTwoFactor(ctx, ed, models.Meta{}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("begin when on: %v", err)
		}
		st, _ = s.TwoFactorStatus(ctx, ed)
		if !st.Enabled() || st.Setup != nil || st.RecoveryCodesLeft != models.RecoveryCodeCount {
			t.Fatalf("status after: %+v", st)
		}

		// Sign-in is two steps now; the pending sign-in is no session.
		p := pending(t, s, ed.Email, modelstest.Password)
		if _, err := s.SessionUser(ctx, p); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("a pending sign-in works as a session: %v", err)
		}
		if u, err := s.PendingLoginUser(ctx, p); err != nil || u.ID != ed.ID {
			t.Fatalf("pending user: %v %v", u, err)
		}
		// The code that confirmed set-up is used up: it is not accepted again.
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, good); !isWrongCode(err, models.MaxCodeAttempts-1) {
			t.Fatalf("replayed enrolment code: %v", err)
		}
		clock.Add(30 * time.Second)
		code, _ := totp.GenerateCode(setup.Secret, clock.Now())
		tok, u, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code)
		if err != nil || u.ID != ed.ID {
			t.Fatalf("second step: %v", err)
		}
		if u, err := s.SessionUser(ctx, tok); err != nil || u.ID != ed.ID {
			t.Fatalf("session after second step: %v", err)
		}
		// The pending sign-in is used up, and the code too, within its window.
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("pending sign-in used twice: %v", err)
		}
		p2 := pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p2, code); !isWrongCode(err, models.MaxCodeAttempts-1) {
			t.Fatalf("replayed code: %v", err)
		}
		// The previous step's code is older than the one used: refused too.
		older, _ := totp.GenerateCode(setup.Secret, clock.Now().Add(-30*time.Second))
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p2, older); !isWrongCode(err, models.MaxCodeAttempts-2) {
			t.Fatalf("older code: %v", err)
		}
		clock.Add(30 * time.Second)
		next, _ := totp.GenerateCode(setup.Secret, clock.Now())
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p2, " "+next[:3]+" "+next[3:]+" "); err != nil {
			t.Fatalf("code typed with spaces: %v", err)
		}
		if n := auditCount(t, s, "login.second_factor.failure"); n != 3 {
			t.Fatalf("wrong codes audited: %d, want 3", n)
		}
		if n := auditCount(t, s, "two_factor.enable"); n != 1 {
			t.Fatalf("two_factor.enable events: %d", n)
		}
	})
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func isWrongCode(err error, left int) bool {
	var wc *models.WrongCodeError
	return errors.As(err, &wc) && wc.Left == left
}

func TestWrongCodesEndThePendingSignIn(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		secret, _ := enrol(t, s, clock, ed)
		clock.Add(30 * time.Second)
		p := pending(t, s, ed.Email, modelstest.Password)
		for i := 1; i <= models.MaxCodeAttempts; i++ {
			if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, "000000"); !isWrongCode(err, models.MaxCodeAttempts-i) {
				t.Fatalf("wrong code %d: %v", i, err)
			}
		}
		code, _ := totp.GenerateCode(secret, clock.Now())
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("right code after too many wrong ones: %v", err)
		}
		if _, err := s.PendingLoginUser(ctx, p); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("ended pending sign-in still open: %v", err)
		}
		if n, _ := s.CountSessions(ctx, ed.ID); n != 0 {
			t.Fatalf("sessions = %d, want 0", n)
		}
		// A pending sign-in expires.
		p = pending(t, s, ed.Email, modelstest.Password)
		clock.Add(models.PendingLoginLifetime + time.Second)
		code, _ = totp.GenerateCode(secret, clock.Now())
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("expired pending sign-in: %v", err)
		}
		// The code was not used up by the refused attempt.
		p = pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code); err != nil {
			t.Fatalf("fresh pending sign-in: %v", err)
		}
	})
}

// Two sign-ins racing with the same code: one gets in, the other is refused.
func TestATOTPCodeIsAcceptedOnceUnderConcurrency(t *testing.T) {
	// Six pending sign-ins of one account need six free failures: each
	// stays counted until its code is right.
	forEachClockedWith(t, models.Config{AccountFailuresBeforeLock: 10}, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		secret, _ := enrol(t, s, clock, ed)
		clock.Add(30 * time.Second)
		const n = 6
		ps := make([]string, n)
		for i := range ps {
			ps[i] = pending(t, s, ed.Email, modelstest.Password)
		}
		code, _ := totp.GenerateCode(secret, clock.Now())
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				_, _, errs[i] = s.LoginSecondFactor(ctx, models.Meta{}, ps[i], code)
			})
		}
		close(start)
		wg.Wait()
		ok := 0
		for i, err := range errs {
			if err == nil {
				ok++
			} else if !isWrongCode(err, models.MaxCodeAttempts-1) {
				t.Fatalf("request %d: %v", i, err)
			}
		}
		if ok != 1 {
			t.Fatalf("%d sign-ins got in with one code, want 1", ok)
		}
	})
}

func TestRecoveryCodesWorkOnceEach(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		_, codes := enrol(t, s, clock, ed)
		seen := map[string]bool{}
		for _, c := range codes {
			if len(c) != 19 || strings.Count(c, "-") != 3 || seen[c] {
				t.Fatalf("recovery code %q (of %v)", c, codes)
			}
			seen[c] = true
		}
		p := pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, codes[0]); err != nil {
			t.Fatalf("recovery code: %v", err)
		}
		p = pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, codes[0]); !isWrongCode(err, models.MaxCodeAttempts-1) {
			t.Fatalf("recovery code used twice: %v", err)
		}
		// Typed in capitals without hyphens it is the same code.
		typed := strings.ToUpper(strings.ReplaceAll(codes[1], "-", ""))
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, typed); err != nil {
			t.Fatalf("recovery code typed differently: %v", err)
		}
		st, _ := s.TwoFactorStatus(ctx, ed)
		if st.RecoveryCodesLeft != models.RecoveryCodeCount-2 {
			t.Fatalf("codes left = %d", st.RecoveryCodesLeft)
		}
		// New codes need the password and replace the old ones.
		if _, err := s.RegenerateRecoveryCodes(ctx, ed, models.Meta{}, "not my password at all"); models.FieldErrors(err)["password"] == "" {
			t.Fatalf("regenerate with a wrong password: %v", err)
		}
		fresh, err := s.RegenerateRecoveryCodes(ctx, ed, models.Meta{}, modelstest.Password)
		if err != nil || len(fresh) != models.RecoveryCodeCount {
			t.Fatalf("regenerate: %v", err)
		}
		p = pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, codes[2]); !isWrongCode(err, models.MaxCodeAttempts-1) {
			t.Fatalf("old recovery code after regenerating: %v", err)
		}
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, fresh[9]); err != nil {
			t.Fatalf("new recovery code: %v", err)
		}
		if n := auditCount(t, s, "two_factor.recovery_codes"); n != 1 {
			t.Fatalf("two_factor.recovery_codes events = %d", n)
		}
	})
}

func TestDisableTwoFactorNeedsThePassword(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		if err := s.DisableTwoFactor(ctx, ed, models.Meta{}, modelstest.Password); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("disable when off: %v", err)
		}
		enrol(t, s, clock, ed)
		if err := s.DisableTwoFactor(ctx, ed, models.Meta{}, "not my password at all"); models.FieldErrors(err)["password"] == "" {
			t.Fatalf("disable with a wrong password: %v", err)
		}
		pending(t, s, ed.Email, modelstest.Password)
		if err := s.DisableTwoFactor(ctx, ed, models.Meta{}, modelstest.Password); err != nil {
			t.Fatal(err)
		}
		login(t, s, ed.Email, modelstest.Password)
		if n := auditCount(t, s, "two_factor.disable"); n != 1 {
			t.Fatalf("two_factor.disable events = %d", n)
		}
		if n := auditCount(t, s, "two_factor.disable.failure"); n != 1 {
			t.Fatalf("two_factor.disable.failure events = %d", n)
		}

		// While the site requires it, an admin cannot turn it off.
		enrol(t, s, clock, admin)
		st := models.DefaultSettings
		st.RequireAdminTwoFactor = true
		if _, err := s.UpdateSettings(ctx, admin, models.Meta{}, st); err != nil {
			t.Fatal(err)
		}
		if err := s.DisableTwoFactor(ctx, admin, models.Meta{}, modelstest.Password); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("admin turns it off while required: %v", err)
		}
		if got, _ := s.TwoFactorStatus(ctx, admin); !got.Enabled() {
			t.Fatal("admin's two-factor sign-in was turned off")
		}
	})
}

func TestAdminsMustEnrolWhenTheSiteSaysSo(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		admin := modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		must := func(u *models.User) bool {
			t.Helper()
			ok, err := s.MustEnrolTwoFactor(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if must(admin) || must(ed) {
			t.Fatal("enrolment required while the setting is off")
		}
		st, _ := s.Settings(ctx)
		if st.RequireAdminTwoFactor {
			t.Fatal("the setting is on by default")
		}
		st.RequireAdminTwoFactor = true
		if _, err := s.UpdateSettings(ctx, admin, models.Meta{}, st); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Settings(ctx); !st.RequireAdminTwoFactor || st.OrganizationName != models.DefaultSettings.OrganizationName {
			t.Fatalf("settings after saving: %+v", st)
		}
		if !must(admin) || must(ed) {
			t.Fatal("with the setting on: the admin must enrol, the editor need not")
		}
		enrol(t, s, clock, admin)
		if must(admin) {
			t.Fatal("an enrolled admin must enrol")
		}
	})
}

func TestOwnSessionsAreListedAndRevocable(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		other := modelstest.User(t, s, "other@example.org", models.RoleEditor)
		a, _, err := s.Login(ctx, models.Meta{IP: "192.0.2.7", UserAgent: "Firefox"}, ed.Email, modelstest.Password)
		if err != nil {
			t.Fatal(err)
		}
		b := login(t, s, ed.Email, modelstest.Password)
		login(t, s, other.Email, modelstest.Password)
		list, err := s.ListSessions(ctx, ed.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("sessions: %v %v", list, err)
		}
		var first *models.Session
		for i := range list {
			if list[i].IsToken(a) {
				first = &list[i]
			}
		}
		if first == nil || first.IP != "192.0.2.7" || first.UserAgent != "Firefox" || first.IsToken(b) {
			t.Fatalf("session of token a: %+v", first)
		}
		theirs, _ := s.ListSessions(ctx, other.ID)
		if err := s.RevokeSession(ctx, ed, models.Meta{}, theirs[0].ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("revoke another user's session: %v", err)
		}
		if n, _ := s.CountSessions(ctx, other.ID); n != 1 {
			t.Fatal("another user's session ended")
		}
		if err := s.RevokeSession(ctx, ed, models.Meta{}, first.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, a); !errors.Is(err, models.ErrUnauthenticated) {
			t.Fatalf("revoked session: %v", err)
		}
		if _, err := s.SessionUser(ctx, b); err != nil {
			t.Fatalf("the other session: %v", err)
		}
		if err := s.RevokeSession(ctx, ed, models.Meta{}, first.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("revoke twice: %v", err)
		}
		if n := auditCount(t, s, "session.revoke"); n != 1 {
			t.Fatalf("session.revoke events = %d", n)
		}
	})
}

// A right password that still waits for its second factor stays counted
// against the account: someone who knows the password cannot open pending
// sign-ins without end to guess codes. The right code clears the count.
func TestSecondFactorGuessesAreThrottled(t *testing.T) {
	forEachClockedWith(t, models.Config{AccountFailuresBeforeLock: 2}, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		secret, _ := enrol(t, s, clock, ed)
		pending(t, s, ed.Email, modelstest.Password)
		pending(t, s, ed.Email, modelstest.Password)
		if _, _, err := s.Login(ctx, models.Meta{}, ed.Email, modelstest.Password); !errors.Is(err, models.ErrThrottled) {
			t.Fatalf("third pending sign-in without a code: %v, want throttled", err)
		}
		clock.Add(31 * time.Second)
		p := pending(t, s, ed.Email, modelstest.Password)
		code, _ := totp.GenerateCode(secret, clock.Now())
		if _, _, err := s.LoginSecondFactor(ctx, models.Meta{}, p, code); err != nil {
			t.Fatalf("second step: %v", err)
		}
		// The owner proved who they are: the account starts afresh.
		pending(t, s, ed.Email, modelstest.Password)
		pending(t, s, ed.Email, modelstest.Password)
	})
}

// Checking one's own password again (changing it, turning two-factor off)
// counts against the sign-in throttle: a stolen session cannot guess it
// faster than a stranger could at the sign-in page.
func TestPasswordRechecksAreThrottled(t *testing.T) {
	forEachClockedWith(t, models.Config{AccountFailuresBeforeLock: 2}, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		for i := range 2 {
			if _, err := s.ChangePassword(ctx, ed, models.Meta{IP: "192.0.2.9"}, fmt.Sprintf("wrong guess %d", i), "a new long passphrase"); models.FieldErrors(err)["current_password"] == "" {
				t.Fatalf("wrong current password %d: %v", i, err)
			}
		}
		if _, err := s.ChangePassword(ctx, ed, models.Meta{IP: "192.0.2.9"}, modelstest.Password, "a new long passphrase"); !errors.Is(err, models.ErrThrottled) {
			t.Fatalf("third check during the lock: %v, want throttled", err)
		}
		if err := s.DisableTwoFactor(ctx, ed, models.Meta{IP: "192.0.2.9"}, modelstest.Password); !errors.Is(err, models.ErrThrottled) {
			t.Fatalf("two-factor check during the lock: %v, want throttled", err)
		}
		clock.Add(2 * time.Second)
		if _, err := s.ChangePassword(ctx, ed, models.Meta{IP: "192.0.2.9"}, modelstest.Password, "a new long passphrase"); err != nil {
			t.Fatalf("after the lock: %v", err)
		}
	})
}

// A reset form posted with a link that cannot be used costs no password
// hash, so anonymous posts cannot take the few hashing slots.
func TestUnusableResetLinkCostsNoHash(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		hashes := countHashes(s)
		if _, err := s.ResetPassword(context.Background(), models.Meta{}, "no-such-link", "a long enough passphrase"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("unknown link: %v", err)
		}
		if n := hashes.Load(); n != 0 {
			t.Fatalf("an unknown link cost %d password hashes", n)
		}
	})
}
