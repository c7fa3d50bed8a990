package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// accountTwoFactorDisable turns the user's two-factor sign-in off. The
// current password is required (422 otherwise). While the site requires it
// of admins, an admin is refused with 409 and the reason.
func (h *Handler) accountTwoFactorDisable(c echo.Context) error {
	f, err := parseForm(c, "password")
	if err != nil {
		return err
	}
	err = h.store.DisableTwoFactor(c.Request().Context(), currentUser(c), meta(c), f.Get("password"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderTwoFactor(c, http.StatusUnprocessableEntity, pages.TwoFactorView{Disable: f})
	}
	if errors.Is(err, models.ErrConflict) {
		f.Error = views.T(c.Request().Context(), "admin.two_factor.cannot_turn_off")
		return h.renderTwoFactor(c, http.StatusConflict, pages.TwoFactorView{Disable: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/account/two-factor?done=two-factor-off")
}
