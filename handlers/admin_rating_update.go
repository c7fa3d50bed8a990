package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// ratingUpdateFields are the fields of an existing rating's form: the
// rating's, and the revision the form was made from.
var ratingUpdateFields = append(slices.Clone(ratingFields), "revision")

// ratingStaleFields are a rating's form fields as a stale save compares them.
var ratingStaleFields = []staleField{
	{name: "label", label: "Label"},
	{name: "position", label: "Position"},
	{name: "ordered", label: "On the true–false scale", show: yesNo},
	{name: "description", label: "Description"},
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
	in := ratingInput(f)
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
			st := staleForm(&f, "Someone else saved this rating after you opened the page, so your changes were not saved.",
				"rating", "revision", stale.Sent, cur.Revision, ratingStaleFields, saved)
			st.SavedBy, st.SavedAt, err = h.lastSaved(ctx, models.AuditQuery{ObjectType: "rating", ObjectID: cur.ID, Action: "rating.update"})
			if err != nil {
				return err
			}
			return h.renderAdminRatings(c, http.StatusConflict, slug, f)
		}
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
