package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// verdictFields are the fields of the verdict form.
var verdictFields = []string{"rating", "headline", "explanation"}

// verdictInput reads the verdict form.
func verdictInput(f views.Form) models.VerdictInput {
	return models.VerdictInput{Rating: f.Get("rating"), Headline: f.Get("headline"), Explanation: f.Get("explanation")}
}

// deskVerdictCreate proposes a verdict on a claim and sends it to review.
func (h *Handler) deskVerdictCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, verdictFields...)
	if err != nil {
		return err
	}
	_, err = h.store.ProposeVerdict(c.Request().Context(), currentUser(c), meta(c), id, verdictInput(f))
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Verdict: f}, "verdict-proposed#verdict")
}
