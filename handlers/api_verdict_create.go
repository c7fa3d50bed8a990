package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiVerdictRequest is the body of POST /api/v1/claims/{id}/verdicts and of
// PATCH /api/v1/verdicts/{id}.
type apiVerdictRequest struct {
	Rating      *string `json:"rating"`
	Headline    *string `json:"headline"`
	Explanation *string `json:"explanation" input:"multiline"`
	// Language is a BCP 47 language tag; "" detects it from the headline
	// and explanation.
	Language *string `json:"language"`
}

// over returns base with the fields that were sent put over it.
func (r apiVerdictRequest) over(base models.VerdictInput) models.VerdictInput {
	return models.VerdictInput{Rating: sentOr(r.Rating, base.Rating), Headline: sentOr(r.Headline, base.Headline),
		Explanation: sentOr(r.Explanation, base.Explanation), Language: sentOr(r.Language, base.Language)}
}

// apiVerdictCreate proposes a verdict on a claim and submits it for review.
// A claim has at most one verdict open at a time; another is a 409.
func (h *Handler) apiVerdictCreate(c echo.Context) error {
	claimID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiVerdictRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	v, err := h.store.ProposeVerdict(c.Request().Context(), currentUser(c), meta(c), claimID, req.over(models.VerdictInput{}))
	if err != nil {
		return err
	}
	setETag(c, verdictETag(v))
	return writeJSON(c, http.StatusCreated, newVerdictJSON(v))
}
