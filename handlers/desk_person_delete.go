package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskPersonDelete deletes a speaker with no claims. Reviewers and above.
// A speaker with claims is not deleted: the page comes back (409) saying
// to merge them instead; so it does when someone changed the speaker after
// the page was shown.
func (h *Handler) deskPersonDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "revision")
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	err = h.store.DeletePerson(c.Request().Context(), currentUser(c), meta(c), id, revision)
	var stale *models.StaleError
	var conflict *models.ConflictError
	switch {
	case errors.As(err, &stale):
		f.Values["revision"] = strconv.Itoa(stale.Current)
		f.Error = localeOf(c).T("desk.error.person_deleted_stale")
	case errors.As(err, &conflict):
		f.Error = reasonText(c, conflict.Reason)
	case err != nil:
		return err
	default:
		return seeOther(c, "/desk/people?done=person-deleted")
	}
	return h.renderPersonDesk(c, http.StatusConflict, id, pages.PersonDesk{Delete: f})
}
