package handlers

import (
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// sourceUpdateFields are the fields of the source edit form: the source's,
// and the revision the form was made from.
var sourceUpdateFields = append(slices.Clone(sourceFields), "revision")

// deskSourceUpdate saves the edit of a source of a claim not yet published.
// When someone saved the source after the form was made, nothing is saved:
// the form comes back (409) with the user's input beside the source as
// saved now, ready to replace it if the user saves again.
func (h *Handler) deskSourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, sourceUpdateFields...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := sourceInput(f)
	in.Revision = revision
	src, err := h.store.UpdateSource(ctx, currentUser(c), meta(c), id, in)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cur, err := h.store.GetSource(ctx, id)
		if err != nil {
			return err
		}
		st := staleForm(&f, "Someone else saved this source after you opened the form, so your changes were not saved.",
			"source", "revision", stale.Sent, cur.Revision, sourceStaleFields, sourceFormValues(cur))
		st.SavedAt = cur.UpdatedAt
		return h.renderSourceEdit(c, http.StatusConflict, cur, f)
	}
	if fe := models.FieldErrors(err); fe != nil {
		old, gerr := h.store.GetSource(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Errors = fe
		return h.renderSourceEdit(c, http.StatusUnprocessableEntity, old, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done=source-updated#sources")
}
