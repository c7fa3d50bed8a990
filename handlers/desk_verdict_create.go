package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
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
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Verdict: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=verdict-proposed#verdict")
}
