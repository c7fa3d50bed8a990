package handlers

import (
	"errors"
	"maps"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// updateFields are the fields of the update form but its sources.
var updateFields = []string{"revision", "source_rows", "then", "text", "summary", "language", "speaker", "speaker_kind", "said_at", "setting",
	"tags", "rating", "headline", "explanation", "verdict_language", "note"}

// updateSourceFields are the fields of one source row of the update form,
// each named "sources.N." and the field.
var updateSourceFields = []string{"source_id", "url", "title", "outlet", "published_at", "kind", "stance", "excerpt", "locator", "language", "remove"}

// maxSourceRows bounds the source rows an update form may post: the most
// sources an update lists, and a blank one.
const maxSourceRows = 101

// deskUpdateSave saves the update form and, when the editor chose "Save
// and send to review" (then=submit), submits it. A refused form comes back
// (422) with what was typed and the errors beside the fields; one saved by
// someone else since it was read comes back (409) with the user's input
// and the new revision, so that saving again replaces it on purpose.
func (h *Handler) deskUpdateSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	// The number of source rows decides which fields the form may hold.
	pre, err := parseForm(c, "source_rows")
	if err != nil {
		return err
	}
	rows, err := strconv.Atoi(pre.Get("source_rows"))
	if err != nil || rows < 0 || rows > maxSourceRows {
		return &models.ValidationError{Fields: map[string]string{"source_rows": "must be a whole number from 0 to " + strconv.Itoa(maxSourceRows)}}
	}
	allowed := append(append([]string{}, updateFields...), appearanceFormFields()...)
	for i := range rows {
		name, _ := pages.SourceRow(i)
		for _, f := range updateSourceFields {
			allowed = append(allowed, name+f)
		}
	}
	f, err := parseForm(c, allowed...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	sources, rowOf, err := updateSourcesOf(f, rows)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if f.Get("add_appearance") != "" {
		// One more appearance row, and nothing saved.
		cur, err := h.store.GetUpdate(ctx, id)
		if err != nil {
			return err
		}
		return h.renderUpdate(c, http.StatusOK, cur, f, rows, postedRows(f))
	}
	appearances, appearanceRowOf := formAppearances(f)
	actor := currentUser(c)
	u, err := h.store.SaveUpdate(ctx, actor, meta(c), id, models.UpdatePatch{
		Text: new(f.Get("text")), Summary: new(f.Get("summary")), Speaker: new(f.Get("speaker")),
		SpeakerKind: new(models.PersonKind(f.Get("speaker_kind"))), SaidAt: new(f.Get("said_at")), Setting: new(f.Get("setting")),
		Tags: new(splitTags(f.Get("tags"))), Appearances: &appearances, Sources: &sources, Rating: new(f.Get("rating")), Headline: new(f.Get("headline")),
		Explanation: new(f.Get("explanation")), Note: new(f.Get("note")), Revision: revision,
		Language: new(f.Get("language")), VerdictLanguage: new(f.Get("verdict_language")),
	})
	done := "update-saved"
	if err == nil && f.Get("then") == "submit" {
		done = "update-submitted"
		_, err = h.store.SubmitUpdate(ctx, actor, meta(c), id, u.Revision)
		if err != nil {
			// The save stands; the form now carries its revision.
			f.Values["revision"] = strconv.Itoa(u.Revision)
		}
	}
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cur, gerr := h.store.GetUpdate(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Values["revision"] = strconv.Itoa(cur.Revision)
		f.Error = "Someone else saved this update after you opened it, so your changes were not saved. They are below: check them against the list of changes above, and save again to replace what is saved."
		return h.renderUpdate(c, http.StatusConflict, cur, f, rows, postedRows(f))
	}
	if fe := models.FieldErrors(err); fe != nil {
		maps.Copy(f.Errors, rowErrors(listRowErrors(fe, rowOf, models.UpdateSourceField), appearanceRowOf))
		cur, gerr := h.store.GetUpdate(ctx, id)
		if gerr != nil {
			return gerr
		}
		return h.renderUpdate(c, http.StatusUnprocessableEntity, cur, f, rows, postedRows(f))
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.UpdatePath(id)+"?done="+done)
}

// updateSourcesOf reads the form's source rows into the update's list of
// sources, leaving out those marked for removal and a blank row. rowOf maps
// each listed source to its row of the form.
func updateSourcesOf(f views.Form, rows int) (out []models.UpdateSource, rowOf []int, err error) {
	out = []models.UpdateSource{}
	for i := range rows {
		name, _ := pages.SourceRow(i)
		get := func(field string) string { return f.Get(name + field) }
		if get("remove") == "true" {
			continue
		}
		src := models.UpdateSource{URL: get("url"), Title: get("title"), Outlet: get("outlet"), PublishedAt: get("published_at"),
			Kind: models.SourceKind(get("kind")), Stance: models.Stance(get("stance")), Excerpt: get("excerpt"), Locator: get("locator"),
			Language: get("language")}
		if v := get("source_id"); v != "" {
			n, perr := strconv.ParseUint(v, 10, 32)
			if perr != nil || n == 0 {
				return nil, nil, &models.ValidationError{Fields: map[string]string{name + "source_id": "must name a source of this claim"}}
			}
			src.SourceID = uint(n)
		} else if src == (models.UpdateSource{}) {
			continue // the blank row, left empty
		}
		out = append(out, src)
		rowOf = append(rowOf, i)
	}
	return out, rowOf, nil
}
