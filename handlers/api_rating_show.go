package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiRatingShow answers with one rating of the scale, by its slug, and its
// ETag for If-Match.
func (h *Handler) apiRatingShow(c echo.Context) error {
	r, err := h.store.RatingBySlug(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return err
	}
	setETag(c, ratingETag(r))
	return writeJSON(c, http.StatusOK, newRatingJSON(r))
}
