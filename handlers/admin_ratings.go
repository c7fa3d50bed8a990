package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// ratingFields are the fields of a rating's form.
var ratingFields = []string{"label", "description", "position", "ordered"}

// adminRatings shows the rating scale with a form per rating and one that
// adds a rating.
func (h *Handler) adminRatings(c echo.Context) error {
	return h.renderAdminRatings(c, http.StatusOK, "", views.Form{})
}

// renderAdminRatings shows the scale; refused is the form the store refused,
// for the rating with that slug ("" for the new one).
func (h *Handler) renderAdminRatings(c echo.Context, status int, slug string, refused views.Form) error {
	ratings, err := h.store.Ratings(c.Request().Context())
	if err != nil {
		return err
	}
	p := page(c, views.T(c.Request().Context(), "admin.ratings.title"))
	p.Flash = flash(c)
	return render(c, status, pages.AdminRatings(p, pages.NewRatingForms(ratings, slug, refused)))
}

// ratingInput reads a rating's form. A position that is not a whole number
// is recorded in f.Errors, to be shown like the store's own field errors.
func ratingInput(c echo.Context, f views.Form) models.RatingInput {
	in := models.RatingInput{Label: f.Get("label"), Description: f.Get("description"), Ordered: f.Get("ordered") == "true"}
	n, err := strconv.Atoi(f.Get("position"))
	if err != nil {
		f.Errors["position"] = reasonText(c, models.ReasonWholeNumber)
	}
	in.Position = n
	return in
}
