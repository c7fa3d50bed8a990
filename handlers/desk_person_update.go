package handlers

import (
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// personUpdateFields are the fields of a speaker's edit form: the
// speaker's, and the revision the form was made from.
var personUpdateFields = append(slices.Clone(personFields), "revision")

// personStaleFields are the speaker form's fields as a stale save compares
// them, named in ctx's language.
func personStaleFields(ctx context.Context) []staleField {
	return []staleField{
		{name: "name", label: views.T(ctx, "desk.field.name")},
		{name: "kind", label: views.T(ctx, "desk.field.speaker_kind"), show: speakerKindWords(ctx)},
		{name: "title", label: views.T(ctx, "desk.field.person_title")},
		{name: "affiliation", label: views.T(ctx, "desk.field.affiliation")},
		{name: "description", label: views.T(ctx, "desk.field.description")},
	}
}

// deskPersonUpdate saves the edit of a speaker: name, kind, title,
// affiliation and description. When someone saved the speaker after the
// page was shown, nothing is saved: the page comes back (409) with the
// user's input beside the speaker as saved now.
func (h *Handler) deskPersonUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, personUpdateFields...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := models.PersonInput{Name: f.Get("name"), Kind: models.PersonKind(f.Get("kind")), Title: f.Get("title"),
		Affiliation: f.Get("affiliation"), Description: f.Get("description"), Revision: revision}
	_, err = h.store.UpdatePerson(ctx, currentUser(c), meta(c), id, in)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cur, err := h.store.PersonByID(ctx, id)
		if err != nil {
			return err
		}
		st := staleForm(&f, localeOf(c).T("desk.error.person_saved_stale"),
			"speaker", "revision", stale.Sent, cur.Revision, personStaleFields(ctx), personFormValues(cur))
		st.SavedBy, st.SavedAt, err = h.lastSaved(ctx, models.AuditQuery{ObjectType: "person", ObjectID: id})
		if err != nil {
			return err
		}
		return h.renderPersonDesk(c, http.StatusConflict, id, pages.PersonDesk{Edit: f})
	}
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderPersonDesk(c, http.StatusUnprocessableEntity, id, pages.PersonDesk{Edit: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.PersonPath(id)+"?done=person-updated")
}
