package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// accountPassword shows the form that changes the user's own password.
func (h *Handler) accountPassword(c echo.Context) error {
	return render(c, http.StatusOK, pages.AccountPassword(page(c, views.T(c.Request().Context(), "admin.account.password.change")), views.Form{}))
}

// accountPasswordUpdate changes the user's own password. The current one is
// required; every session of the user ends and this browser gets a new one.
func (h *Handler) accountPasswordUpdate(c echo.Context) error {
	f, err := parseForm(c, "current_password", "new_password", "new_password_confirm")
	if err != nil {
		return err
	}
	refuse := func() error {
		return render(c, http.StatusUnprocessableEntity, pages.AccountPassword(page(c, views.T(c.Request().Context(), "admin.account.password.change")), f))
	}
	if f.Get("new_password") != f.Get("new_password_confirm") {
		f.Errors["new_password_confirm"] = reasonText(c, models.ReasonPasswordMismatch)
		return refuse()
	}
	token, err := h.store.ChangePassword(c.Request().Context(), currentUser(c), meta(c), f.Get("current_password"), f.Get("new_password"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return refuse()
	}
	if err != nil {
		return err
	}
	h.setSessionCookie(c, token, h.store.SessionLifetime())
	return seeOther(c, "/account?done=password-changed")
}
