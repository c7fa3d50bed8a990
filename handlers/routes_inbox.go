package handlers

import (
	"github.com/labstack/echo/v4"
)

// inboxRoutes registers the signed-in user's inbox of notifications on
// the desk group (editors and above); each route acts on the current
// user's own notifications only.
func (h *Handler) inboxRoutes(desk *echo.Group) {
	get(desk, "/inbox", h.deskInbox)
	desk.POST("/inbox/read", h.deskInboxReadAll)
	desk.POST("/inbox/:id/read", h.deskInboxRead)
}

// notificationAPIRoutes registers the API of the token's user's
// notifications.
func (h *Handler) notificationAPIRoutes(api *echo.Group) {
	get(api, "/notifications", h.apiNotificationList)
	api.POST("/notifications/read", h.apiNotificationRead)
}
