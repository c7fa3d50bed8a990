package handlers

import (
	"github.com/labstack/echo/v4"
)

// deskInboxReadAll marks every notification of the signed-in user read
// and goes back to the inbox (303).
func (h *Handler) deskInboxReadAll(c echo.Context) error {
	if _, err := h.store.MarkNotificationsRead(c.Request().Context(), currentUser(c), nil); err != nil {
		return err
	}
	return seeOther(c, "/desk/inbox?done=all-read")
}
