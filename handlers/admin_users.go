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
	p := page(c, views.T(c.Request().Context(), "admin.users.title"))
	p.Flash = flashMessage(c)
	return render(c, status, pages.AdminUsers(p, users, f))
}

// flashMessage turns the ?done= code of a redirect into its confirmation,
// in the request's language; unknown codes show nothing, so a link cannot
// put words on the page.
func flashMessage(c echo.Context) string {
	code := c.QueryParam("done")
	if id := accountFlash(code); id != "" {
		return views.T(c.Request().Context(), id)
	}
	return deskFlashMessage(localeOf(c), code)
}

// accountFlash is the message id of the confirmation of an account,
// sign-in or administration code, "" for any other.
func accountFlash(code string) string {
	switch code {
	case "created":
		return "admin.flash.created"
	case "updated":
		return "admin.flash.updated"
	case "revoked":
		return "admin.flash.revoked"
	case "password-changed":
		return "admin.flash.password_changed"
	case "password-set":
		return "admin.flash.password_set"
	case "session-ended":
		return "admin.flash.session_ended"
	case "two-factor-off":
		return "admin.flash.two_factor_off"
	case "language":
		return "admin.flash.language"
	case "settings":
		return "admin.flash.settings"
	case "rating-created":
		return "admin.flash.rating_created"
	case "rating-updated":
		return "admin.flash.rating_updated"
	case "job-retried":
		return "admin.flash.job_retried"
	}
	return ""
}
