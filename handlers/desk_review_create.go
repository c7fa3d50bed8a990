package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
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
	done := "approved"
	switch {
	case err != nil:
	case res.Published:
		done = "published"
	case res.Review.Decision == models.DecisionRequestChanges:
		done = "sent-back"
	}
	return h.finishClaimForm(c, v.ClaimID, err, f.Errors, pages.ClaimForms{Review: f}, done+"#verdict")
}
