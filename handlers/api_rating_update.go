package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiRatingUpdate changes the fields sent of one rating; its slug never
// changes, and published verdicts keep the label they had. Admins only.
func (h *Handler) apiRatingUpdate(c echo.Context) error {
	var req apiRatingRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	old, err := h.store.RatingBySlug(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	base := models.RatingInput{Label: old.Label, Description: old.Description, Position: old.Position, Ordered: old.Ordered}
	r, err := h.store.UpdateRating(ctx, currentUser(c), meta(c), old.Slug, req.over(base))
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, newRatingJSON(r))
}
