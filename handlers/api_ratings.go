package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// ratingsJSON is the whole rating scale.
type ratingsJSON struct {
	Ratings []ratingJSON `json:"ratings"`
}

// apiRatings answers with the rating scale in order of position.
func (h *Handler) apiRatings(c echo.Context) error {
	ratings, err := h.store.Ratings(c.Request().Context())
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, ratingsJSON{Ratings: jsonList(ratings, newRatingJSON)})
}
