package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiRetractRequest is the body of POST /api/v1/claims/{id}/retract.
type apiRetractRequest struct {
	Note *string `json:"note" input:"multiline"`
}

// apiClaimRetract withdraws a published claim with a public note and
// answers with the claim, now retracted. Reviewers and admins may.
func (h *Handler) apiClaimRetract(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiRetractRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if _, err := h.store.RetractClaim(c.Request().Context(), currentUser(c), meta(c), id, sentOr(req.Note, "")); err != nil {
		return err
	}
	return h.writeClaimJSON(c, http.StatusOK, id)
}
