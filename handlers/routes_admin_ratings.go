package handlers

import "github.com/labstack/echo/v4"

// adminRatingRoutes registers the rating scale's settings under the admin
// group, which already requires an admin.
func (h *Handler) adminRatingRoutes(admin *echo.Group) {
	get(admin, "/ratings", h.adminRatings)
	admin.POST("/ratings", h.adminRatingCreate)
	admin.POST("/ratings/:slug", h.adminRatingUpdate)
}
