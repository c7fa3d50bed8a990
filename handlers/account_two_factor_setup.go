package handlers

import (
	"github.com/labstack/echo/v4"
)

// accountTwoFactorSetup makes a new key for the user to scan, replacing
// any key not yet confirmed. When two-factor sign-in is on already: 409.
func (h *Handler) accountTwoFactorSetup(c echo.Context) error {
	if _, err := h.store.BeginTwoFactor(c.Request().Context(), currentUser(c), meta(c)); err != nil {
		return err
	}
	return seeOther(c, "/account/two-factor")
}
