package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskCorrectionCreate adds a public clarification or correction to a
// published claim.
func (h *Handler) deskCorrectionCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "kind", "note")
	if err != nil {
		return err
	}
	_, err = h.store.AddCorrection(c.Request().Context(), currentUser(c), meta(c), id, models.CorrectionInput{
		Kind: models.CorrectionKind(f.Get("kind")), Note: f.Get("note"),
	})
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Correction: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=correction-added#corrections")
}
