package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// deliveryListJSON is a webhook's latest deliveries, newest first.
type deliveryListJSON struct {
	Deliveries []deliveryJSON `json:"deliveries"`
}

// apiWebhookDeliveries answers with the delivery log of a webhook: its
// latest models.MaxDeliveriesListed deliveries, newest first, each with
// the body it sends; 404 when there is no such webhook. Admins only.
func (h *Handler) apiWebhookDeliveries(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	list, err := h.store.WebhookDeliveries(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, deliveryListJSON{Deliveries: jsonList(list, func(d *models.WebhookDelivery) deliveryJSON { return newDeliveryJSON(d) })})
}
