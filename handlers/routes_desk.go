package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// deskRoutes registers the editorial desk under /desk; the group already
// requires an editor or above. Reviewing and retracting need a reviewer.
func (h *Handler) deskRoutes(desk *echo.Group) {
	reviewer := h.requireRole(models.RoleReviewer)

	desk.GET("", h.desk)
	desk.GET("/review", h.reviewQueue, reviewer)

	desk.GET("/articles", h.deskArticleList)
	desk.GET("/articles/new", h.deskArticleNew)
	desk.POST("/articles", h.deskArticleCreate)
	desk.GET("/articles/:id", h.deskArticleShow)
	desk.POST("/articles/:id/delete", h.deskArticleDelete)

	desk.GET("/claims", h.deskClaimList)
	desk.GET("/claims/new", h.deskClaimNew)
	desk.GET("/claims/similar", h.deskClaimSimilar)
	desk.POST("/claims", h.deskClaimCreate)
	desk.GET("/claims/:id", h.deskClaimShow)
	desk.GET("/claims/:id/edit", h.deskClaimEdit)
	desk.POST("/claims/:id", h.deskClaimUpdate)
	desk.GET("/claims/:id/history", h.deskClaimHistory)
	desk.POST("/claims/:id/sources", h.deskSourceCreate)
	desk.POST("/claims/:id/verdicts", h.deskVerdictCreate)
	desk.POST("/claims/:id/updates", h.deskUpdateOpen)
	desk.POST("/claims/:id/corrections", h.deskCorrectionCreate)
	desk.POST("/claims/:id/retract", h.deskClaimRetract, reviewer)
	desk.POST("/claims/:id/delete", h.deskClaimDelete)

	desk.GET("/sources/:id/edit", h.deskSourceEdit)
	desk.POST("/sources/:id", h.deskSourceUpdate)
	desk.POST("/sources/:id/delete", h.deskSourceDelete)

	desk.GET("/updates/:id", h.deskUpdateShow)
	desk.POST("/updates/:id", h.deskUpdateSave)
	desk.POST("/updates/:id/withdraw", h.deskUpdateWithdraw)

	desk.POST("/verdicts/:id", h.deskVerdictRevise)
	desk.POST("/verdicts/:id/reviews", h.deskReviewCreate, reviewer)

	h.deskPeopleRoutes(desk)
}
