package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminWebhooks lists the webhooks with the form that adds one.
func (h *Handler) adminWebhooks(c echo.Context) error {
	return h.renderAdminWebhooks(c, http.StatusOK, views.Form{})
}

func (h *Handler) renderAdminWebhooks(c echo.Context, status int, f views.Form) error {
	ctx := c.Request().Context()
	list, err := h.store.ListWebhooks(ctx)
	if err != nil {
		return err
	}
	p := page(c, views.T(ctx, "admin.webhooks.title"))
	p.Flash = flash(c)
	return render(c, status, pages.AdminWebhooks(p, pages.WebhooksPage{List: list, Form: f}))
}
