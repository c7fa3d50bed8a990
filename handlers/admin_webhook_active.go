package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// adminWebhookActive turns a webhook off (active=false) or on again
// (active=true) and goes back to its page.
func (h *Handler) adminWebhookActive(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "active")
	if err != nil {
		return err
	}
	var active bool
	switch f.Get("active") {
	case "true":
		active = true
	case "false":
	default:
		return models.Invalid("active", reasonTrueOrFalse)
	}
	if err := h.store.SetWebhookActive(c.Request().Context(), currentUser(c), meta(c), id, active); err != nil {
		return err
	}
	done := "webhook-paused"
	if active {
		done = "webhook-resumed"
	}
	return seeOther(c, "/admin/webhooks/"+strconv.FormatUint(uint64(id), 10)+"?done="+done)
}
