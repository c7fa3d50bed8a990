package handlers

import "github.com/labstack/echo/v4"

// adminJobRoutes registers the background jobs' page under the admin
// group, which already requires an admin.
func (h *Handler) adminJobRoutes(admin *echo.Group) {
	get(admin, "/jobs", h.adminJobs)
	admin.POST("/jobs/:id/retry", h.adminJobRetry)
}
