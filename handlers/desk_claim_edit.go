package handlers

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimEdit shows the form that edits a claim not yet sent to review
// (a draft, or being researched). A published claim
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
	if !cl.Status.BeforeReview() {
		return fmt.Errorf("edit claim %d: it is %s: %w", id, cl.Status, models.ErrConflict)
	}
	f := views.Form{Errors: map[string]string{}, Values: claimFormValues(cl)}
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
	v := pages.TriageValues(cl)
	maps.Copy(v, map[string]string{
		"text": cl.Text, "summary": cl.Summary, "language": cl.Language, "speaker": cl.SpeakerName(), "speaker_kind": kind,
		"said_at": models.FormatDate(cl.SaidAt), "setting": cl.Setting,
		"appearances": appearancesText(models.AppearanceInputs(cl.Appearances)), "tags": strings.Join(cl.TagNames(), ", "),
	})
	return v
}

// claimStaleFields are the claim form's fields as a stale save compares
// them, named in ctx's language.
func claimStaleFields(ctx context.Context, colleagues []models.Colleague) []staleField {
	return []staleField{
		{name: "text", label: views.T(ctx, "desk.field.text")},
		{name: "summary", label: views.T(ctx, "desk.field.summary")},
		{name: "language", label: views.T(ctx, "content.language.label")},
		{name: "speaker", label: views.T(ctx, "desk.field.speaker")},
		{name: "speaker_kind", label: views.T(ctx, "desk.field.speaker_kind"), show: speakerKindWords(ctx)},
		{name: "said_at", label: views.T(ctx, "desk.field.said_on")},
		{name: "setting", label: views.T(ctx, "desk.field.setting")},
		{name: "appearances", label: views.T(ctx, "desk.field.appearances")},
		{name: "tags", label: views.T(ctx, "desk.field.tags")},
		{name: "assignee_id", label: views.T(ctx, "desk.field.assignee"), show: assigneeWords(ctx, colleagues)},
		{name: "due_on", label: views.T(ctx, "desk.field.due_on")},
		{name: "priority", label: views.T(ctx, "desk.field.priority"), show: priorityWords(ctx)},
	}
}

// assigneeWords shows an assignee's id as the form's select names it in
// ctx's language: a colleague, or nobody; an id it does not know is shown
// as it is.
func assigneeWords(ctx context.Context, colleagues []models.Colleague) func(string) string {
	return choiceWords(append([]components.Option{{Value: "", Label: views.T(ctx, "desk.triage.nobody")}}, components.AssigneeOptions(ctx, colleagues)...))
}

// priorityWords shows a priority as the form's select names it in ctx's
// language.
func priorityWords(ctx context.Context) func(string) string {
	return choiceWords(components.PriorityOptions(ctx))
}

// choiceWords shows a value of a select by its option's label; a value
// it does not offer is shown as it is.
func choiceWords(options []components.Option) func(string) string {
	return func(v string) string {
		for _, o := range options {
			if o.Value == v {
				return o.Label
			}
		}
		return v
	}
}

// speakerKindWords shows a kind of speaker as the form's select names it
// in ctx's language; a value it does not know is shown as it is.
func speakerKindWords(ctx context.Context) func(string) string {
	return choiceWords(components.SpeakerKindOptions(ctx))
}

// renderClaimEdit shows the edit form of cl with f's values and errors, and
// rows appearance rows.
func (h *Handler) renderClaimEdit(c echo.Context, status int, cl *models.Claim, f views.Form, rows int) error {
	ctx := c.Request().Context()
	people, err := h.store.ListPeople(ctx, 1000)
	if err != nil {
		return err
	}
	colleagues, err := h.colleaguesFor(ctx, cl)
	if err != nil {
		return err
	}
	view := pages.ClaimForm{Form: f, Claim: cl, People: people, Colleagues: colleagues, AppearanceRows: rows}
	if cl.ArticleID != nil {
		view.LoggedFrom, err = h.store.GetArticle(ctx, *cl.ArticleID)
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
	}
	return render(c, status, pages.DeskClaimForm(page(c, localeOf(c).T("desk.claim.edit")), view))
}
