package pages

import (
	"context"
	"strconv"
	"strings"
	"time"

	"claimtracker/models"
	"claimtracker/views"
)

// AccountView is what the account page shows: the user's sign-in settings,
// their open sessions and their API tokens, and the form of their
// interface language.
type AccountView struct {
	// Language is the form that sets the user's interface language: its
	// "language" value is the user's, "" for the site's.
	Language views.Form
	// Email is the form that turns e-mail notifications on: its
	// "email_notifications" value is "true" when they are.
	Email views.Form
	// MailEnabled says that this site sends e-mail; without it the
	// setting cannot be turned on.
	MailEnabled bool
	TwoFactor   models.TwoFactor
	Sessions    []models.Session
	Tokens      []models.APIToken
	// Current is the raw token of the session viewing the page, to mark it.
	Current string
}

// TwoFactorView is what the two-factor page shows.
type TwoFactorView struct {
	Status models.TwoFactor
	// Required means the site requires two-factor sign-in of this user.
	Required bool
	// MustEnrol means the user may do nothing else until it is on.
	MustEnrol bool
	// Codes are recovery codes just made, shown this once.
	Codes []string
	// The page's three forms, each with its own errors.
	Confirm, Regenerate, Disable views.Form
}

// PasswordResetLink is a reset link just made for an account, shown once.
type PasswordResetLink struct {
	URL     string
	Expires time.Time
}

// AdminUserView is what the admin's page of one account shows.
type AdminUserView struct {
	User      *models.User
	Tokens    []models.APIToken
	TwoFactor models.TwoFactor
	Form      views.Form
	// NewToken is an API token just made, shown this once.
	NewToken string
	// Reset is a password reset link just made, shown this once.
	Reset *PasswordResetLink
}

// passwordHint states the password rules of the models package, with
// advice.
func passwordHint(ctx context.Context) string {
	return views.T(ctx, "admin.password.hint", "Min", views.Number(ctx, models.MinPasswordLen))
}

// minPasswordHint states the shortest password the models package takes.
func minPasswordHint(ctx context.Context) string {
	return views.T(ctx, "admin.password.min", "Min", views.Number(ctx, models.MinPasswordLen))
}

// deviceName is a short name for a browser's user agent, such as "Firefox
// on Windows", for the list of sessions; the full string is shown beside it.
func deviceName(ctx context.Context, ua string) string {
	browser := ""
	switch {
	case ua == "":
		return views.T(ctx, "admin.account.sessions.unknown_browser")
	case strings.Contains(ua, "Edg/"):
		browser = "Edge"
	case strings.Contains(ua, "Firefox/"):
		browser = "Firefox"
	case strings.Contains(ua, "Chrome/"), strings.Contains(ua, "Chromium/"):
		browser = "Chrome"
	case strings.Contains(ua, "Safari/"):
		browser = "Safari"
	default:
		// A program, e.g. curl/8.5.0: its own name.
		name, _, _ := strings.Cut(ua, "/")
		name, _, _ = strings.Cut(name, " ")
		return name
	}
	system := ""
	switch {
	case strings.Contains(ua, "iPhone"), strings.Contains(ua, "iPad"):
		system = "iOS"
	case strings.Contains(ua, "Android"):
		system = "Android"
	case strings.Contains(ua, "Windows"):
		system = "Windows"
	case strings.Contains(ua, "Mac OS X"), strings.Contains(ua, "Macintosh"):
		system = "macOS"
	case strings.Contains(ua, "CrOS"):
		system = "ChromeOS"
	case strings.Contains(ua, "Linux"):
		system = "Linux"
	}
	if system == "" {
		return browser
	}
	return views.T(ctx, "admin.account.sessions.device", "Browser", browser, "System", system)
}

// groups spells a secret in groups of four characters, for typing by hand.
func groups(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sessionRevokePath(id uint) string {
	return "/account/sessions/" + strconv.FormatUint(uint64(id), 10) + "/revoke"
}

func tokenRevokePath(id uint) string {
	return "/account/tokens/" + strconv.FormatUint(uint64(id), 10) + "/revoke"
}
