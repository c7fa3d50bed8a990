package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskClaimEdit shows the form that edits a draft claim. Claims past draft
// change only through verdicts and corrections: 409.
func (h *Handler) deskClaimEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cl, err := h.store.GetClaim(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if cl.Status != models.ClaimDraft {
		return fmt.Errorf("edit claim %d: it is %s: %w", id, cl.Status, models.ErrConflict)
	}
	kind := string(models.KindPerson)
	if cl.Person != nil {
		kind = string(cl.Person.Kind)
	}
	f := views.Form{Errors: map[string]string{}, Values: map[string]string{
		"text": cl.Text, "summary": cl.Summary, "speaker": cl.SpeakerName(), "speaker_kind": kind,
		"said_at": models.FormatDate(cl.SaidAt), "setting": cl.Setting, "appearance_url": cl.AppearanceURL,
		"tags": strings.Join(cl.TagNames(), ", "),
	}}
	return h.renderClaimEdit(c, http.StatusOK, cl, f)
}

// renderClaimEdit shows the edit form of cl with f's values and errors.
func (h *Handler) renderClaimEdit(c echo.Context, status int, cl *models.Claim, f views.Form) error {
	people, err := h.store.ListPeople(c.Request().Context(), 1000)
	if err != nil {
		return err
	}
	return render(c, status, pages.DeskClaimForm(page(c, "Edit claim"), pages.ClaimForm{Form: f, Claim: cl, People: people}))
}
