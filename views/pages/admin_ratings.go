package pages

import (
	"strconv"

	"claimtracker/models"
	"claimtracker/views"
)

// RatingForms are the forms of the rating scale page: one per rating and
// one that adds a rating.
type RatingForms struct {
	Ratings []RatingForm
	New     views.Form
}

// RatingForm is one rating with its form.
type RatingForm struct {
	Rating models.Rating
	Form   views.Form
}

// NewRatingForms fills each rating's form from the rating, except the one
// the store refused (slug, or "" for the new rating), which keeps the
// user's input and errors.
func NewRatingForms(ratings []models.Rating, slug string, refused views.Form) RatingForms {
	out := RatingForms{New: views.Form{Values: map[string]string{"position": strconv.Itoa(nextPosition(ratings)), "ordered": "true"}}}
	if slug == "" && refused.Values != nil {
		out.New = refused
	}
	for _, r := range ratings {
		f := views.Form{Values: map[string]string{
			"label": r.Label, "description": r.Description, "position": strconv.Itoa(r.Position), "ordered": strconv.FormatBool(r.Ordered),
			"revision": strconv.Itoa(r.Revision),
		}}
		if slug != "" && slug == r.Slug && refused.Values != nil {
			f = refused
		}
		out.Ratings = append(out.Ratings, RatingForm{Rating: r, Form: f})
	}
	return out
}

// nextPosition is a free place after the last rating.
func nextPosition(ratings []models.Rating) int {
	n := 0
	for _, r := range ratings {
		n = max(n, r.Position)
	}
	return min(n+1, 100)
}
