package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiCorrectionRequest is the body of POST /api/v1/claims/{id}/corrections.
type apiCorrectionRequest struct {
	Kind *models.CorrectionKind `json:"kind"`
	Note *string                `json:"note" input:"multiline"`
}

// apiCorrectionCreate adds a public clarification or correction to a
// published claim.
func (h *Handler) apiCorrectionCreate(c echo.Context) error {
	claimID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiCorrectionRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	k, err := h.store.AddCorrection(c.Request().Context(), currentUser(c), meta(c), claimID, models.CorrectionInput{
		Kind: sentOr(req.Kind, ""), Note: sentOr(req.Note, ""),
	})
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusCreated, newCorrectionJSON(k))
}
