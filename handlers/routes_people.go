package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// Speakers are edited by editors and above; merging and deleting them,
// which remove a speaker's page and may move published fact-checks, need a
// reviewer. The role is checked here, before the body is read, and again
// by the store.

// deskPeopleRoutes registers the speakers' desk pages under the desk
// group, which already requires an editor.
func (h *Handler) deskPeopleRoutes(desk *echo.Group) {
	reviewer := h.requireRole(models.RoleReviewer)
	get(desk, "/people", h.deskPeopleList)
	get(desk, "/people/:id", h.deskPersonShow)
	desk.POST("/people/:id", h.deskPersonUpdate)
	desk.POST("/people/:id/merge", h.deskPersonMerge, reviewer)
	desk.POST("/people/:id/delete", h.deskPersonDelete, reviewer)
}

// apiPeopleRoutes registers the speakers' endpoints under the API group,
// which already requires a valid token.
func (h *Handler) apiPeopleRoutes(api *echo.Group) {
	reviewer := h.requireRole(models.RoleReviewer)
	get(api, "/people", h.apiPeopleList)
	get(api, "/people/:id", h.apiPersonShow)
	api.PATCH("/people/:id", h.apiPersonUpdate)
	api.DELETE("/people/:id", h.apiPersonDelete, reviewer)
	api.POST("/people/:id/merge", h.apiPersonMerge, reviewer)
}
