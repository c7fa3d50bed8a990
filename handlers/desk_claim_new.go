package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// claimEditFields are the fields of the claim form that an edit may change:
// the claim's own, and its appearance rows (see desk_claim_appearances.go).
var claimEditFields = append([]string{"text", "summary", "language", "speaker", "speaker_kind", "said_at", "setting", "tags"}, appearanceFormFields()...)

// claimFields are the fields of the new-claim form: the editable ones and
// the article the claim comes from.
var claimFields = append(slices.Clone(claimEditFields), "article_id")

// claimFormFields are the fields the claim form posts: the claim's own
// (fields) and its triage.
func claimFormFields(fields []string) []string {
	return append(slices.Clone(fields), triageFields...)
}

// deskClaimNew shows the form that logs a claim, pre-filled from the query
// string when the editor comes from a candidate in an article.
func (h *Handler) deskClaimNew(c echo.Context) error {
	f := views.Form{Values: map[string]string{}, Errors: map[string]string{}}
	for _, name := range claimFields {
		f.Values[name] = strings.TrimSpace(c.QueryParam(name))
	}
	f.Values["priority"] = string(models.PriorityNormal)
	return h.renderClaimNew(c, http.StatusOK, f, postedRows(f))
}

// renderClaimNew shows the new-claim form, with rows appearance rows, the
// article it comes from and the logged claims that resemble its text.
func (h *Handler) renderClaimNew(c echo.Context, status int, f views.Form, rows int) error {
	ctx := c.Request().Context()
	people, err := h.store.ListPeople(ctx, 1000)
	if err != nil {
		return err
	}
	colleagues, err := h.store.Colleagues(ctx)
	if err != nil {
		return err
	}
	view := pages.ClaimForm{Form: f, People: people, Colleagues: colleagues, AppearanceRows: rows}
	if id, perr := strconv.ParseUint(f.Get("article_id"), 10, 32); perr == nil && id > 0 {
		view.Article, err = h.store.GetArticle(ctx, uint(id))
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
	}
	if f.Get("text") != "" {
		if view.Similar, err = h.store.SimilarClaims(ctx, f.Get("text"), 0, 5); err != nil {
			return err
		}
	}
	return render(c, status, pages.DeskClaimForm(page(c, localeOf(c).T("desk.action.log_claim")), view))
}
