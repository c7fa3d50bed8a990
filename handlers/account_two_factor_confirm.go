package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// accountTwoFactorConfirm turns two-factor sign-in on when the code from
// the app is right, and shows the recovery codes, this once. A wrong code
// shows the set-up again with the error (422); no set-up begun is 404.
func (h *Handler) accountTwoFactorConfirm(c echo.Context) error {
	f, err := parseForm(c, "code")
	if err != nil {
		return err
	}
	codes, err := h.store.ConfirmTwoFactor(c.Request().Context(), currentUser(c), meta(c), f.Get("code"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderTwoFactor(c, http.StatusUnprocessableEntity, pages.TwoFactorView{Confirm: f})
	}
	if err != nil {
		return err
	}
	return h.renderTwoFactor(c, http.StatusOK, pages.TwoFactorView{Codes: codes})
}
