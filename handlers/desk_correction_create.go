package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
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
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Correction: f}, "correction-added#corrections")
}
