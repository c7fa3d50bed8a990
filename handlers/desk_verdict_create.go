package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// verdictFields are the fields of the verdict form. The verdict's language
// is verdict_language, apart from the claim's language in the update form
// that holds both.
var verdictFields = []string{"rating", "headline", "explanation", "verdict_language"}

// verdictInput reads the verdict form.
func verdictInput(f views.Form) models.VerdictInput {
	return models.VerdictInput{Rating: f.Get("rating"), Headline: f.Get("headline"), Explanation: f.Get("explanation"),
		Language: f.Get("verdict_language")}
}

// verdictFormError gives a refusal of the verdict's language back under
// the name the verdict form gives it, verdict_language.
func verdictFormError(err error) error {
	if fe := models.FieldErrors(err); fe != nil {
		if why, ok := fe["language"]; ok {
			delete(fe, "language")
			fe["verdict_language"] = why
		}
	}
	return err
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
	err = verdictFormError(err)
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Verdict: f}, "verdict-proposed#verdict")
}
