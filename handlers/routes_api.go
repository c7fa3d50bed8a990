package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiRoutes registers the JSON API under /api/v1; the group already requires
// a valid bearer token. Routes that need more than an editor also check the
// role here, before the body is read; the store checks again.
func (h *Handler) apiRoutes(api *echo.Group) {
	reviewer := h.requireRole(models.RoleReviewer)
	admin := h.requireRole(models.RoleAdmin)

	get(api, "/me", h.apiMe)
	h.notificationAPIRoutes(api)

	api.POST("/articles", h.apiArticleCreate)
	api.DELETE("/articles/:id", h.apiArticleDelete)

	get(api, "/claims", h.apiClaimList)
	api.POST("/claims", h.apiClaimCreate)
	get(api, "/claims/:id", h.apiClaimShow)
	api.PATCH("/claims/:id", h.apiClaimUpdate)
	api.DELETE("/claims/:id", h.apiClaimDelete)
	get(api, "/claims/:id/history", h.apiClaimHistory)
	get(api, "/claims/:id/notes", h.apiNoteList)
	api.POST("/claims/:id/notes", h.apiNoteCreate)
	api.POST("/claims/:id/sources", h.apiSourceCreate)
	api.POST("/claims/:id/verdicts", h.apiVerdictCreate)
	get(api, "/claims/:id/updates", h.apiUpdateList)
	api.POST("/claims/:id/updates", h.apiUpdateOpen)
	get(api, "/claims/:id/versions", h.apiClaimVersions)
	api.POST("/claims/:id/corrections", h.apiCorrectionCreate)
	api.POST("/claims/:id/retract", h.apiClaimRetract, reviewer)

	get(api, "/sources/:id", h.apiSourceShow)
	api.PATCH("/sources/:id", h.apiSourceUpdate)
	api.DELETE("/sources/:id", h.apiSourceDelete)
	get(api, "/sources/:id/files", h.apiSourceFileList)
	api.POST("/sources/:id/files", h.apiSourceFileCreate)
	api.DELETE("/files/:id", h.apiFileDelete)

	get(api, "/updates/:id", h.apiUpdateShow)
	api.PATCH("/updates/:id", h.apiUpdateSave)
	api.DELETE("/updates/:id", h.apiUpdateWithdraw)
	api.POST("/updates/:id/submit", h.apiUpdateSubmit)

	get(api, "/verdicts/:id", h.apiVerdictShow)
	api.PATCH("/verdicts/:id", h.apiVerdictRevise)
	api.POST("/verdicts/:id/reviews", h.apiReviewCreate, reviewer)

	get(api, "/ratings", h.apiRatings)
	api.POST("/ratings", h.apiRatingCreate, admin)
	get(api, "/ratings/:slug", h.apiRatingShow)
	api.PATCH("/ratings/:slug", h.apiRatingUpdate, admin)

	h.apiPeopleRoutes(api)
	h.apiWebhookRoutes(api, admin)
}
