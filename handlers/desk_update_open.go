package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// deskUpdateOpen opens an update of a published fact-check, as a copy of
// what is published, and goes to its page. A verdict sent with it (one
// typed for a revision that the workflow overtook) replaces the copied
// verdict. When the claim already has an open update, it goes to that one
// instead.
func (h *Handler) deskUpdateOpen(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, verdictFields...)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.store.OpenUpdate(ctx, currentUser(c), meta(c), id)
	if errors.Is(err, models.ErrConflict) {
		if open, ferr := h.store.OpenUpdateOf(ctx, id); ferr == nil && open != nil {
			return seeOther(c, components.UpdatePath(open.ID))
		}
	}
	if err != nil {
		return err
	}
	if f.Get("headline") != "" || f.Get("explanation") != "" {
		_, err = h.store.SaveUpdate(ctx, currentUser(c), meta(c), u.ID, models.UpdatePatch{Rating: new(f.Get("rating")),
			Headline: new(f.Get("headline")), Explanation: new(f.Get("explanation")), VerdictLanguage: new(f.Get("verdict_language"))})
		if fe := models.FieldErrors(err); fe != nil {
			// The update is open; what was typed stays in its form, with
			// the errors beside it, for the editor to correct and save.
			form := views.Form{Values: updateFormValues(u), Errors: fe}
			for _, name := range verdictFields {
				form.Values[name] = f.Get(name)
			}
			return h.renderUpdate(c, http.StatusUnprocessableEntity, u, form, len(u.Sources)+1, min(len(u.Appearances)+1, models.MaxAppearances))
		}
		if err != nil {
			return err
		}
	}
	return seeOther(c, components.UpdatePath(u.ID))
}
