package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// adminWebhookRedeliver sends a failed delivery again, the same body under
// the same signature, and goes back to its webhook's log.
func (h *Handler) adminWebhookRedeliver(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := h.store.RedeliverWebhook(c.Request().Context(), currentUser(c), meta(c), id)
	if err != nil {
		return err
	}
	return seeOther(c, "/admin/webhooks/"+strconv.FormatUint(uint64(d.WebhookID), 10)+"?done=delivery-queued#log")
}
