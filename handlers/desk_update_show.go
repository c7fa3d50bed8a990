package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskUpdateShow is the page of an update of a published fact-check: what
// it changes, its form while open, its review once submitted.
func (h *Handler) deskUpdateShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, err := h.store.GetUpdate(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f := views.Form{Values: updateFormValues(u), Errors: map[string]string{}}
	return h.renderUpdate(c, http.StatusOK, u, f, len(u.Sources)+1, min(len(u.Appearances)+1, models.MaxAppearances))
}

// updateFormValues are what an update proposes, as its form shows them.
func updateFormValues(u *models.ClaimUpdate) map[string]string {
	vals := map[string]string{
		"revision": strconv.Itoa(u.Revision), "text": u.Text, "summary": u.Summary, "speaker": u.Speaker,
		"speaker_kind": string(u.SpeakerKind), "said_at": models.FormatDate(u.SaidAt), "setting": u.Setting,
		"tags": strings.Join(u.Tags, ", "), "rating": u.Rating, "headline": u.Headline, "explanation": u.Explanation, "note": u.Note,
		"language": u.Language, "verdict_language": u.VerdictLanguage,
	}
	for i, a := range u.Appearances {
		vals[models.AppearanceField(i, "url")], vals[models.AppearanceField(i, "date")] = a.URL, a.Date
		vals[models.AppearanceField(i, "where")] = a.Where
	}
	for i, src := range u.Sources {
		name, _ := pages.SourceRow(i)
		if src.SourceID != 0 {
			vals[name+"source_id"] = strconv.FormatUint(uint64(src.SourceID), 10)
		}
		vals[name+"url"], vals[name+"title"], vals[name+"outlet"] = src.URL, src.Title, src.Outlet
		vals[name+"published_at"], vals[name+"kind"], vals[name+"stance"] = src.PublishedAt, string(src.Kind), string(src.Stance)
		vals[name+"excerpt"], vals[name+"locator"], vals[name+"language"] = src.Excerpt, src.Locator, src.Language
	}
	return vals
}

// renderUpdate shows update u's page with its form f of rows source rows
// and appearanceRows appearance rows.
func (h *Handler) renderUpdate(c echo.Context, status int, u *models.ClaimUpdate, f views.Form, rows, appearanceRows int) error {
	ctx := c.Request().Context()
	cl, err := h.store.GetClaim(ctx, u.ClaimID)
	if err != nil {
		return err
	}
	ratings, err := h.store.Ratings(ctx)
	if err != nil {
		return err
	}
	people, err := h.store.ListPeople(ctx, 1000)
	if err != nil {
		return err
	}
	var loggedFrom *models.Article
	if cl.ArticleID != nil {
		if loggedFrom, err = h.store.GetArticle(ctx, *cl.ArticleID); err != nil {
			return err
		}
	}
	ids := pages.UserIDs(cl)
	if u.AuthorID != nil {
		ids = append(ids, *u.AuthorID)
	}
	names, err := h.store.UserNames(ctx, ids)
	if err != nil {
		return err
	}
	p := page(c, localeOf(c).T("desk.update.title", "Summary", cl.Summary))
	p.Flash = flash(c)
	return render(c, status, pages.DeskUpdate(p, pages.UpdateDesk{
		ClaimDesk: pages.ClaimDesk{Claim: cl, Ratings: ratings, Names: names},
		Update:    u, Changes: models.UpdateChanges(cl, u), People: people, Form: f, SourceRows: rows,
		AppearanceRows: appearanceRows, LoggedFrom: loggedFrom,
	}))
}
