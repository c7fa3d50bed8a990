package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// deskRoutes registers the editorial desk under /desk; the group already
// requires an editor or above.
func (h *Handler) deskRoutes(desk *echo.Group) {
	desk.GET("", h.desk)
	desk.GET("/review", h.reviewQueue, h.requireRole(models.RoleReviewer))
}
