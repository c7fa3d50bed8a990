package handlers

import (
	"errors"
	"maps"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimTriage changes whom a claim is assigned to, when it is due and
// how urgent it is, in any status, from the claim page's assignment form.
// A refused value comes back beside its field (422) with what was typed;
// when someone saved the claim after the page was made, nothing is saved
// and the form comes back (409) with what was typed, now carrying the
// current revision, so that saving again replaces it on purpose.
func (h *Handler) deskClaimTriage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, append([]string{"revision"}, triageFields...)...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	assignee, due, priority := formTriage(f, func(r models.Reason) string { return reasonText(c, r) })
	if len(f.Errors) > 0 {
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Triage: f})
	}
	ctx := c.Request().Context()
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, models.ClaimPatch{AssigneeID: assignee, DueOn: due, Priority: priority, Revision: revision})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		f.Values["revision"] = strconv.Itoa(stale.Current)
		f.Error = localeOf(c).T("desk.error.triage_stale")
		return h.renderClaimDesk(c, http.StatusConflict, id, pages.ClaimForms{Triage: f})
	}
	if fe := formErrors(c, err); fe != nil {
		maps.Copy(f.Errors, fe)
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Triage: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=triage-updated#triage")
}
