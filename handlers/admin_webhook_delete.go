package handlers

import (
	"github.com/labstack/echo/v4"
)

// adminWebhookDelete removes a webhook and its delivery log, and goes
// back to the list.
func (h *Handler) adminWebhookDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteWebhook(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return seeOther(c, "/admin/webhooks?done=webhook-deleted")
}
