package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
)

// deskInboxRead opens one of the signed-in user's notifications: it is
// marked read and the browser goes to its claim's desk page (303).
// Someone else's notification, or none, is 404.
func (h *Handler) deskInboxRead(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	n, err := h.store.MarkNotificationRead(c.Request().Context(), currentUser(c), id)
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(n.ClaimID))
}
