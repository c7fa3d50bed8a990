package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskReviewCreate records a reviewer's approval of a verdict, or sends it
// back with a comment. Nobody reviews their own verdict (403).
func (h *Handler) deskReviewCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "decision", "comment")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	res, err := h.store.ReviewVerdict(ctx, currentUser(c), meta(c), id, models.ReviewInput{
		Decision: models.Decision(f.Get("decision")), Comment: f.Get("comment"),
	})
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, v.ClaimID, pages.ClaimForms{Review: f})
	}
	if err != nil {
		return err
	}
	done := "approved"
	switch {
	case res.Published:
		done = "published"
	case res.Review.Decision == models.DecisionRequestChanges:
		done = "sent-back"
	}
	return seeOther(c, components.ClaimPath(v.ClaimID)+"?done="+done+"#verdict")
}
