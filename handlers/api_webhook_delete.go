package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiWebhookDelete removes a webhook and its delivery log and answers 204;
// deliveries still queued are not sent. 404 when there is none. Admins
// only.
func (h *Handler) apiWebhookDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteWebhook(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
