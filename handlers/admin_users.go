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
	}
	return ""
}
