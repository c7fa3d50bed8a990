package handlers

import (
	"github.com/labstack/echo/v4"
)

// apiRoutes registers the JSON API under /api/v1; the group already requires
// a valid bearer token.
func (h *Handler) apiRoutes(api *echo.Group) {
	api.GET("/me", h.apiMe)
}
