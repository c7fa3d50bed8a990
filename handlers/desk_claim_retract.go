package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimRetract withdraws a published claim with a public note.
// Reviewers and admins may.
func (h *Handler) deskClaimRetract(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "note")
	if err != nil {
		return err
	}
	_, err = h.store.RetractClaim(c.Request().Context(), currentUser(c), meta(c), id, f.Get("note"))
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Retract: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=retracted#corrections")
}
