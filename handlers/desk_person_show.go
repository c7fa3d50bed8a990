package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// personFields are the fields of a speaker's edit form.
var personFields = []string{"name", "kind", "title", "affiliation", "description"}

// deskPersonShow is a speaker's desk page: the form that edits them, their
// claims and likely duplicates, the forms that merge and delete them (for
// reviewers), and their history.
func (h *Handler) deskPersonShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderPersonDesk(c, http.StatusOK, id, pages.PersonDesk{})
}

// personFormValues are a speaker's fields as the edit form shows them.
func personFormValues(p *models.Person) map[string]string {
	return map[string]string{"name": p.Name, "kind": string(p.Kind), "title": p.Title, "affiliation": p.Affiliation, "description": p.Description}
}

// renderPersonDesk shows the desk page of speaker id as they are now. The
// forms of d that carry values (one the store refused, with the user's
// input and why) are shown as they are; the others are made fresh from the
// speaker, at their current revision.
func (h *Handler) renderPersonDesk(c echo.Context, status int, id uint, d pages.PersonDesk) error {
	ctx := c.Request().Context()
	p, err := h.store.PersonByID(ctx, id)
	if err != nil {
		return err
	}
	d.Person = p
	if d.ClaimCount, err = h.store.CountClaimsOf(ctx, id); err != nil {
		return err
	}
	if d.Claims, err = h.store.ClaimsOf(ctx, id, 20); err != nil {
		return err
	}
	if d.Duplicates, err = h.store.PossibleDuplicates(ctx, p, 10); err != nil {
		return err
	}
	events, err := h.store.PersonHistory(ctx, id)
	if err != nil {
		return err
	}
	if d.History, err = h.history(ctx, events); err != nil {
		return err
	}
	revision := strconv.Itoa(p.Revision)
	fresh := func(f *views.Form, values map[string]string) {
		if f.Values == nil {
			values["revision"] = revision
			*f = views.Form{Values: values, Errors: map[string]string{}}
		}
	}
	fresh(&d.Edit, personFormValues(p))
	fresh(&d.Merge, map[string]string{})
	fresh(&d.Delete, map[string]string{})
	pg := page(c, p.Name)
	pg.Flash = flash(c)
	return render(c, status, pages.DeskPerson(pg, d))
}
