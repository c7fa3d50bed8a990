package handlers

import (
	"github.com/labstack/echo/v4"

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
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Retract: f}, "retracted#corrections")
}
