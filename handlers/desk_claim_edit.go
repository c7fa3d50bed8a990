package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimEdit shows the form that edits a draft claim. A published claim
// changes through an update: its edit goes to the claim's update (303).
// Claims in review or retracted are not edited: 409.
func (h *Handler) deskClaimEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cl, err := h.store.GetClaim(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if cl.Status == models.ClaimPublished {
		open, err := h.store.OpenUpdateOf(c.Request().Context(), id)
		if err != nil {
			return err
		}
		if open != nil {
			return seeOther(c, components.UpdatePath(open.ID))
		}
		return seeOther(c, components.ClaimPath(id)+"#update")
	}
	if cl.Status != models.ClaimDraft {
		return fmt.Errorf("edit claim %d: it is %s: %w", id, cl.Status, models.ErrConflict)
	}
	f := views.Form{Errors: map[string]string{}, Values: claimFormValues(cl)}
	f.Values["revision"] = strconv.Itoa(cl.Revision)
	return h.renderClaimEdit(c, http.StatusOK, cl, f, setAppearanceValues(f.Values, cl.Appearances))
}

// claimFormValues are a claim's fields as its edit form shows them, with
// its appearances as one text (for the comparison of a stale form; the
// rows are set by setAppearanceValues).
func claimFormValues(cl *models.Claim) map[string]string {
	kind := string(models.KindPerson)
	if cl.Person != nil {
		kind = string(cl.Person.Kind)
	}
	return map[string]string{
		"text": cl.Text, "summary": cl.Summary, "language": cl.Language, "speaker": cl.SpeakerName(), "speaker_kind": kind,
		"said_at": models.FormatDate(cl.SaidAt), "setting": cl.Setting,
		"appearances": appearancesText(models.AppearanceInputs(cl.Appearances)), "tags": strings.Join(cl.TagNames(), ", "),
	}
}

// claimStaleFields are the claim form's fields as a stale save compares them.
var claimStaleFields = []staleField{
	{name: "text", label: "The words, verbatim"},
	{name: "summary", label: "Summary"},
	{name: "language", label: "Language"},
	{name: "speaker", label: "Speaker"},
	{name: "speaker_kind", label: "The speaker is", show: func(v string) string {
		switch models.PersonKind(v) {
		case models.KindPerson:
			return "A person"
		case models.KindOrganization:
			return "An organisation"
		}
		return v
	}},
	{name: "said_at", label: "Said on"},
	{name: "setting", label: "Setting"},
	{name: "appearances", label: "Where the claim appeared"},
	{name: "tags", label: "Tags"},
}

// renderClaimEdit shows the edit form of cl with f's values and errors, and
// rows appearance rows.
func (h *Handler) renderClaimEdit(c echo.Context, status int, cl *models.Claim, f views.Form, rows int) error {
	ctx := c.Request().Context()
	people, err := h.store.ListPeople(ctx, 1000)
	if err != nil {
		return err
	}
	view := pages.ClaimForm{Form: f, Claim: cl, People: people, AppearanceRows: rows}
	if cl.ArticleID != nil {
		view.LoggedFrom, err = h.store.GetArticle(ctx, *cl.ArticleID)
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
	}
	return render(c, status, pages.DeskClaimForm(page(c, "Edit claim"), view))
}
