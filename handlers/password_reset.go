package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// The reset link carries its token in the query string, like the setup
// link, so that it stays out of the access log (which logs paths only);
// the page sends no Referer anywhere.

// passwordResetShow shows the form that sets a new password with a reset
// link. An unknown, used or expired link is 404.
func (h *Handler) passwordResetShow(c echo.Context) error {
	token := c.QueryParam("token")
	u, err := h.store.PasswordResetUser(c.Request().Context(), token)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	return render(c, http.StatusOK, pages.PasswordReset(page(c, views.T(c.Request().Context(), "admin.reset.title")), views.Form{}, u.Email, token))
}

// passwordResetSubmit sets the new password, uses the link up and ends the
// account's sessions; then the user signs in with the new password.
func (h *Handler) passwordResetSubmit(c echo.Context) error {
	f, err := parseForm(c, "token", "password", "password_confirm")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	u, err := h.store.PasswordResetUser(ctx, f.Get("token"))
	if err != nil {
		return err
	}
	refuse := func() error {
		return render(c, http.StatusUnprocessableEntity, pages.PasswordReset(page(c, views.T(ctx, "admin.reset.title")), f, u.Email, f.Get("token")))
	}
	if f.Get("password") != f.Get("password_confirm") {
		f.Errors["password_confirm"] = reasonText(c, models.ReasonPasswordMismatch)
		return refuse()
	}
	_, err = h.store.ResetPassword(ctx, meta(c), f.Get("token"), f.Get("password"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return refuse()
	}
	if err != nil { // a link used meanwhile is 404
		return err
	}
	return seeOther(c, "/login?done=password-set")
}
