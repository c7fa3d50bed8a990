package handlers

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
)

// ratingUpdateFields are the fields of an existing rating's form: the
// rating's, and the revision the form was made from.
var ratingUpdateFields = append(slices.Clone(ratingFields), "revision")

// ratingStaleFields are a rating's form fields as a stale save compares
// them, named in the request's language.
func ratingStaleFields(ctx context.Context) []staleField {
	return []staleField{
		{name: "label", label: views.T(ctx, "admin.ratings.label")},
		{name: "position", label: views.T(ctx, "admin.ratings.position")},
		{name: "ordered", label: views.T(ctx, "admin.ratings.ordered"), show: yesNo(ctx)},
		{name: "description", label: views.T(ctx, "admin.ratings.description")},
	}
}

// adminRatingUpdate edits one rating of the scale. Published verdicts keep
// the label they were published with. When someone saved the rating after
// the page was shown, nothing is saved: the page comes back (409) with the
// user's input beside the rating as saved now.
func (h *Handler) adminRatingUpdate(c echo.Context) error {
	slug := c.Param("slug")
	f, err := parseForm(c, ratingUpdateFields...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	in := ratingInput(c, f)
	in.Revision = revision
	if len(f.Errors) == 0 {
		ctx := c.Request().Context()
		_, err = h.store.UpdateRating(ctx, currentUser(c), meta(c), slug, in)
		var stale *models.StaleError
		if errors.As(err, &stale) {
			cur, err := h.store.RatingBySlug(ctx, slug)
			if err != nil {
				return err
			}
			saved := map[string]string{"label": cur.Label, "description": cur.Description,
				"position": strconv.Itoa(cur.Position), "ordered": strconv.FormatBool(cur.Ordered)}
			st := staleForm(&f, views.T(ctx, "admin.ratings.stale_lead"),
				"rating", "revision", stale.Sent, cur.Revision, ratingStaleFields(ctx), saved)
			st.SavedBy, st.SavedAt, err = h.lastSaved(ctx, models.AuditQuery{ObjectType: "rating", ObjectID: cur.ID, Action: "rating.update"})
			if err != nil {
				return err
			}
			return h.renderAdminRatings(c, http.StatusConflict, slug, f)
		}
		if fe := formErrors(c, err); fe != nil {
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
