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
	p.Flash = flash(c)
	return render(c, status, pages.AdminUsers(p, users, f))
}
