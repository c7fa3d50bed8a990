package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimResearch moves a draft to research. The form carries the
// revision of the claim the page showed: when someone changed the claim
// since, nothing changes and the page comes back (409) showing it as it is
// now.
func (h *Handler) deskClaimResearch(c echo.Context) error {
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
	_, err = h.store.UpdateClaim(c.Request().Context(), currentUser(c), meta(c), id, models.ClaimPatch{Status: new(models.ClaimResearching), Revision: revision})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		refused := views.Form{Error: localeOf(c).T("desk.error.claim_changed_stale")}
		return h.renderClaimDesk(c, http.StatusConflict, id, pages.ClaimForms{Research: refused})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=research-started")
}
