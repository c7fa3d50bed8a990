package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminWebhookShow shows a webhook and its delivery log; 404 when there
// is none.
func (h *Handler) adminWebhookShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderAdminWebhook(c, http.StatusOK, id, "")
}

// renderAdminWebhook renders webhook id's page with status; secret, when
// set, is the one just made, shown this once.
func (h *Handler) renderAdminWebhook(c echo.Context, status int, id uint, secret string) error {
	ctx := c.Request().Context()
	w, err := h.store.GetWebhook(ctx, id)
	if err != nil {
		return err
	}
	log, err := h.store.WebhookDeliveries(ctx, id)
	if err != nil {
		return err
	}
	p := page(c, views.T(ctx, "admin.webhooks.page_title", "Name", w.Title()))
	p.Flash = flash(c)
	return render(c, status, pages.AdminWebhook(p, pages.WebhookPage{Hook: w, Deliveries: log, NewSecret: secret}))
}
