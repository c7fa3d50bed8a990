package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// deskRoutes registers the editorial desk under /desk; the group already
// requires an editor or above. Reviewing and retracting need a reviewer.
func (h *Handler) deskRoutes(desk *echo.Group) {
	reviewer := h.requireRole(models.RoleReviewer)

	get(desk, "", h.desk)
	get(desk, "/review", h.reviewQueue, reviewer)

	get(desk, "/articles", h.deskArticleList)
	get(desk, "/articles/new", h.deskArticleNew)
	desk.POST("/articles", h.deskArticleCreate)
	get(desk, "/articles/:id", h.deskArticleShow)
	desk.POST("/articles/:id/delete", h.deskArticleDelete)

	get(desk, "/claims", h.deskClaimList)
	get(desk, "/claims/new", h.deskClaimNew)
	get(desk, "/claims/similar", h.deskClaimSimilar)
	desk.POST("/claims/bulk", h.deskClaimBulk)
	desk.POST("/claims", h.deskClaimCreate)
	get(desk, "/claims/:id", h.deskClaimShow)
	get(desk, "/claims/:id/edit", h.deskClaimEdit)
	desk.POST("/claims/:id", h.deskClaimUpdate)
	get(desk, "/claims/:id/history", h.deskClaimHistory)
	desk.POST("/claims/:id/sources", h.deskSourceCreate)
	desk.POST("/claims/:id/verdicts", h.deskVerdictCreate)
	desk.POST("/claims/:id/updates", h.deskUpdateOpen)
	desk.POST("/claims/:id/corrections", h.deskCorrectionCreate)
	desk.POST("/claims/:id/retract", h.deskClaimRetract, reviewer)
	desk.POST("/claims/:id/delete", h.deskClaimDelete)
	desk.POST("/claims/:id/triage", h.deskClaimTriage)
	desk.POST("/claims/:id/research", h.deskClaimResearch)
	desk.POST("/claims/:id/notes", h.deskNoteCreate)

	get(desk, "/sources/broken", h.deskSourcesBroken)
	get(desk, "/sources/:id/edit", h.deskSourceEdit)
	desk.POST("/sources/:id", h.deskSourceUpdate)
	desk.POST("/sources/:id/delete", h.deskSourceDelete)
	desk.POST("/files/:id/delete", h.deskSourceFileDelete)

	get(desk, "/updates/:id", h.deskUpdateShow)
	desk.POST("/updates/:id", h.deskUpdateSave)
	desk.POST("/updates/:id/withdraw", h.deskUpdateWithdraw)

	desk.POST("/verdicts/:id", h.deskVerdictRevise)
	desk.POST("/verdicts/:id/reviews", h.deskReviewCreate, reviewer)

	h.deskPeopleRoutes(desk)
	h.inboxRoutes(desk)
}
