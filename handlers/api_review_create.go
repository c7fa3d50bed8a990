package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiReviewRequest is the body of POST /api/v1/verdicts/{id}/reviews.
type apiReviewRequest struct {
	Decision *models.Decision `json:"decision"`
	Comment  *string          `json:"comment" input:"multiline"`
	// Version is the version of the verdict the reviewer read; required.
	Version *int `json:"version"`
}

// reviewResultJSON is a recorded review with what it did to the verdict.
type reviewResultJSON struct {
	reviewJSON
	// Published is true when this approval reached the review quorum and
	// published the verdict and its claim.
	Published     bool   `json:"published"`
	ClaimID       uint   `json:"claim_id"`
	VerdictStatus string `json:"verdict_status"`
}

// apiReviewCreate records a reviewer's decision on the version of a verdict
// in review that the reviewer read: approve, or request changes with a
// comment. "version" is required (422); when the verdict has changed since,
// the answer is 409 and nothing is recorded. Nobody reviews a verdict they
// wrote or changed (403), nor one version twice (409).
func (h *Handler) apiReviewCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiReviewRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	res, err := h.store.ReviewVerdict(ctx, currentUser(c), meta(c), id, models.ReviewInput{
		Decision: sentOr(req.Decision, ""), Comment: sentOr(req.Comment, ""), Version: sentOr(req.Version, 0),
	})
	if err != nil {
		return err
	}
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusCreated, reviewResultJSON{
		reviewJSON: newReviewJSON(res.Review), Published: res.Published, ClaimID: v.ClaimID, VerdictStatus: string(v.Status),
	})
}
