package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminRatingCreate adds a rating to the scale.
func (h *Handler) adminRatingCreate(c echo.Context) error {
	f, err := parseForm(c, ratingFields...)
	if err != nil {
		return err
	}
	in := ratingInput(c, f)
	if len(f.Errors) == 0 {
		_, err = h.store.CreateRating(c.Request().Context(), currentUser(c), meta(c), in)
		if fe := formErrors(c, err); fe != nil {
			f.Errors = fe
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return h.renderAdminRatings(c, http.StatusUnprocessableEntity, "", f)
	}
	return seeOther(c, "/admin/ratings?done=rating-created")
}
