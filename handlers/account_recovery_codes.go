package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// accountRecoveryCodes replaces the user's recovery codes and shows the new
// ones, this once. The current password is required (422 otherwise);
// with two-factor sign-in off: 409.
func (h *Handler) accountRecoveryCodes(c echo.Context) error {
	f, err := parseForm(c, "password")
	if err != nil {
		return err
	}
	codes, err := h.store.RegenerateRecoveryCodes(c.Request().Context(), currentUser(c), meta(c), f.Get("password"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderTwoFactor(c, http.StatusUnprocessableEntity, pages.TwoFactorView{Regenerate: f})
	}
	if err != nil {
		return err
	}
	return h.renderTwoFactor(c, http.StatusOK, pages.TwoFactorView{Codes: codes})
}
