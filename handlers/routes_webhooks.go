package handlers

import "github.com/labstack/echo/v4"

// adminWebhookRoutes registers the webhooks' pages under the admin group,
// which already requires an admin.
func (h *Handler) adminWebhookRoutes(admin *echo.Group) {
	get(admin, "/webhooks", h.adminWebhooks)
	admin.POST("/webhooks", h.adminWebhookCreate)
	get(admin, "/webhooks/:id", h.adminWebhookShow)
	admin.POST("/webhooks/:id/active", h.adminWebhookActive)
	admin.POST("/webhooks/:id/delete", h.adminWebhookDelete)
	admin.POST("/webhook-deliveries/:id/redeliver", h.adminWebhookRedeliver)
}

// apiWebhookRoutes registers the webhooks' API; admin is the middleware
// that requires an admin, checked before the body is read.
func (h *Handler) apiWebhookRoutes(api *echo.Group, admin echo.MiddlewareFunc) {
	get(api, "/webhooks", h.apiWebhookList, admin)
	api.POST("/webhooks", h.apiWebhookCreate, admin)
	get(api, "/webhooks/:id", h.apiWebhookShow, admin)
	api.DELETE("/webhooks/:id", h.apiWebhookDelete, admin)
	get(api, "/webhooks/:id/deliveries", h.apiWebhookDeliveries, admin)
}
