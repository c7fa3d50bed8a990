package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminUsers lists every account with the form that adds one.
func (h *Handler) adminUsers(c echo.Context) error {
	return h.renderAdminUsers(c, http.StatusOK, views.Form{})
}

func (h *Handler) renderAdminUsers(c echo.Context, status int, f views.Form) error {
	users, err := h.store.ListUsers(c.Request().Context())
	if err != nil {
		return err
	}
	p := page(c, "Accounts")
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, status, pages.AdminUsers(p, users, f))
}

// flashMessage turns a ?done= code from a redirect into its confirmation;
// unknown codes show nothing, so a link cannot put words on the page.
func flashMessage(code string) string {
	switch code {
	case "created":
		return "Account created."
	case "updated":
		return "Account updated."
	case "revoked":
		return "Token revoked."
	case "password-changed":
		return "Password changed. Every other browser signed in as you has been signed out."
	case "password-set":
		return "Your new password is set. Sign in with it."
	case "session-ended":
		return "Session ended: that browser is signed out."
	case "two-factor-off":
		return "Two-factor sign-in is off. Signing in asks for your password only."
	case "settings":
		return "Settings saved. Public pages show them from now on."
	case "rating-created":
		return "Rating added to the scale."
	case "rating-updated":
		return "Rating saved."
	case "job-retried":
		return "Job queued again. It runs within moments."
	}
	return ""
}
