package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskReviewCreate records a reviewer's approval of the version of a verdict
// that the page showed (its hidden "version" field), or sends it back with a
// comment. When the verdict changed since the page was shown, nothing is
// recorded: the page comes back (409) with the current version and a note
// saying so. Nobody reviews a verdict they wrote or changed (403).
func (h *Handler) deskReviewCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "decision", "comment", "version")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(f.Get("version"))
	res, err := h.store.ReviewVerdict(ctx, currentUser(c), meta(c), id, models.ReviewInput{
		Decision: models.Decision(f.Get("decision")), Comment: f.Get("comment"), Version: version,
	})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		f.Error = localeOf(c).T("desk.error.review_stale", "Version", localeOf(c).Number(stale.Current))
		return h.renderClaimDesk(c, http.StatusConflict, v.ClaimID, pages.ClaimForms{Review: f})
	}
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
