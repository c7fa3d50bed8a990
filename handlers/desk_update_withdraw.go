package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
)

// deskUpdateWithdraw abandons an open update and goes back to the claim.
func (h *Handler) deskUpdateWithdraw(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := parseForm(c); err != nil {
		return err
	}
	u, err := h.store.GetUpdate(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if err := h.store.WithdrawUpdate(c.Request().Context(), currentUser(c), meta(c), id, 0); err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(u.ClaimID)+"?done=update-withdrawn")
}
