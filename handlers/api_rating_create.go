package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiRatingRequest is the body of POST /api/v1/ratings and of
// PATCH /api/v1/ratings/{slug}.
type apiRatingRequest struct {
	Label       *string `json:"label"`
	Description *string `json:"description" input:"multiline"`
	Position    *int    `json:"position"`
	Ordered     *bool   `json:"ordered"`
}

// over returns base with the fields that were sent put over it.
func (r apiRatingRequest) over(base models.RatingInput) models.RatingInput {
	return models.RatingInput{Label: sentOr(r.Label, base.Label), Description: sentOr(r.Description, base.Description),
		Position: sentOr(r.Position, base.Position), Ordered: sentOr(r.Ordered, base.Ordered)}
}

// apiRatingCreate adds a rating to the scale; its slug comes from the label.
// Admins only.
func (h *Handler) apiRatingCreate(c echo.Context) error {
	var req apiRatingRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	r, err := h.store.CreateRating(c.Request().Context(), currentUser(c), meta(c), req.over(models.RatingInput{}))
	if err != nil {
		return err
	}
	setETag(c, ratingETag(r))
	return writeJSON(c, http.StatusCreated, newRatingJSON(r))
}
