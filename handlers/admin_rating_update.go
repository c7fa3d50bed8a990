package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// adminRatingUpdate edits one rating of the scale. Published verdicts keep
// the label they were published with.
func (h *Handler) adminRatingUpdate(c echo.Context) error {
	slug := c.Param("slug")
	f, err := parseForm(c, ratingFields...)
	if err != nil {
		return err
	}
	in := ratingInput(f)
	if len(f.Errors) == 0 {
		_, err = h.store.UpdateRating(c.Request().Context(), currentUser(c), meta(c), slug, in)
		if fe := models.FieldErrors(err); fe != nil {
			f.Errors = fe
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return h.renderAdminRatings(c, http.StatusUnprocessableEntity, slug, f)
	}
	return seeOther(c, "/admin/ratings?done=rating-updated#rating-"+slug)
}
