package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskPersonMerge merges the speaker into the one named in the form's
// "into": every claim moves to that speaker, and this one's page address
// leads to theirs. Reviewers and above. When someone changed the speaker
// after the page was shown, nothing is merged and the page comes back
// (409) showing the speaker as they are now.
func (h *Handler) deskPersonMerge(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "into", "revision")
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	refused := func(status int) error {
		return h.renderPersonDesk(c, status, id, pages.PersonDesk{Merge: f})
	}
	if f.Get("into") == "" {
		f.Errors["into"] = reasonText(c, models.ReasonRequired)
		return refused(http.StatusUnprocessableEntity)
	}
	into, err := h.store.PersonByName(ctx, f.Get("into"))
	if errors.Is(err, models.ErrNotFound) {
		f.Errors["into"] = reasonText(c, models.NewReason("reasons.not_speaker_name", "is not the name of a logged speaker"))
		return refused(http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	_, err = h.store.MergePeople(ctx, currentUser(c), meta(c), id, into.ID, revision)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		f.Values["revision"] = strconv.Itoa(stale.Current)
		f.Error = localeOf(c).T("desk.error.person_merged_stale")
		return refused(http.StatusConflict)
	}
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return refused(http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.PersonPath(into.ID)+"?done=person-merged")
}
