package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiRatingUpdate changes the fields sent of one rating; its slug never
// changes, and published verdicts keep the label they had. Admins only.
// With If-Match, the rating changes only while its ETag is one of those
// listed (412 otherwise). Without, the fields sent are put over the rating
// as it is; should someone save it meanwhile, they are put over that save.
func (h *Handler) apiRatingUpdate(c echo.Context) error {
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiRatingRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	for attempt := 1; ; attempt++ {
		old, err := h.store.RatingBySlug(ctx, c.Param("slug"))
		if err != nil {
			return err
		}
		in := req.over(models.RatingInput{Label: old.Label, Description: old.Description, Position: old.Position, Ordered: old.Ordered})
		in.Revision = cond.expect(ratingETag(old), old.Revision, true)
		r, err := h.store.UpdateRating(ctx, currentUser(c), meta(c), old.Slug, in)
		if cond.retryMerge(err, attempt) {
			continue
		}
		if err != nil {
			return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("rating", old.ID, rev) })
		}
		setETag(c, ratingETag(r))
		return writeJSON(c, http.StatusOK, newRatingJSON(r))
	}
}
