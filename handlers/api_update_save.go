package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiUpdateSource is one source in the body of PATCH /api/v1/updates/{id}.
// In an entry that names a source the update lists (source_id), the
// members left out keep what the update says of it.
type apiUpdateSource struct {
	SourceID    *uint32            `json:"source_id"`
	URL         *string            `json:"url"`
	Title       *string            `json:"title"`
	Outlet      *string            `json:"outlet"`
	PublishedAt *string            `json:"published_at"`
	Kind        *models.SourceKind `json:"kind"`
	Stance      *models.Stance     `json:"stance"`
	Excerpt     *string            `json:"excerpt" input:"multiline"`
	Locator     *string            `json:"locator"`
	Language    *string            `json:"language"`
}

// over returns base with the members that were sent put over it.
func (r apiUpdateSource) over(base models.UpdateSource) models.UpdateSource {
	return models.UpdateSource{SourceID: base.SourceID, URL: sentOr(r.URL, base.URL), Title: sentOr(r.Title, base.Title),
		Outlet: sentOr(r.Outlet, base.Outlet), PublishedAt: sentOr(r.PublishedAt, base.PublishedAt), Kind: sentOr(r.Kind, base.Kind),
		Stance: sentOr(r.Stance, base.Stance), Excerpt: sentOr(r.Excerpt, base.Excerpt), Locator: sentOr(r.Locator, base.Locator),
		Language: sentOr(r.Language, base.Language)}
}

// apiUpdateRequest is the body of PATCH /api/v1/updates/{id}: the fields to
// change, each optional; appearances and sources, when sent, are the whole
// new lists.
type apiUpdateRequest struct {
	Text        *string            `json:"text" input:"multiline"`
	Summary     *string            `json:"summary"`
	Speaker     *string            `json:"speaker"`
	SpeakerKind *models.PersonKind `json:"speaker_kind"`
	SaidAt      *string            `json:"said_at"`
	Setting     *string            `json:"setting"`
	Tags        *[]string          `json:"tags"`
	Appearances *[]apiAppearance   `json:"appearances"`
	Sources     *[]apiUpdateSource `json:"sources"`
	Rating      *string            `json:"rating"`
	Headline    *string            `json:"headline"`
	Explanation *string            `json:"explanation" input:"multiline"`
	Note        *string            `json:"note" input:"multiline"`
	// Language is the claim's BCP 47 language tag, VerdictLanguage the
	// verdict's; "" detects them from the text.
	Language        *string `json:"language"`
	VerdictLanguage *string `json:"verdict_language"`
}

// patch keeps the fields that were sent; a source that names one update
// cur lists keeps what cur says of the members left out.
func (r apiUpdateRequest) patch(cur *models.ClaimUpdate) models.UpdatePatch {
	p := models.UpdatePatch{Text: r.Text, Summary: r.Summary, Speaker: r.Speaker, SpeakerKind: r.SpeakerKind, SaidAt: r.SaidAt,
		Setting: r.Setting, Tags: r.Tags, Rating: r.Rating, Headline: r.Headline, Explanation: r.Explanation, Note: r.Note,
		Language: r.Language, VerdictLanguage: r.VerdictLanguage}
	if r.Appearances != nil {
		list := make([]models.AppearanceInput, 0, len(*r.Appearances))
		for _, a := range *r.Appearances {
			list = append(list, models.AppearanceInput(a))
		}
		p.Appearances = &list
	}
	if r.Sources != nil {
		list := make([]models.UpdateSource, 0, len(*r.Sources))
		for _, s := range *r.Sources {
			var base models.UpdateSource
			if s.SourceID != nil {
				base.SourceID = uint(*s.SourceID)
				for _, listed := range cur.Sources {
					if listed.SourceID == base.SourceID {
						base = listed
						break
					}
				}
			}
			list = append(list, s.over(base))
		}
		p.Sources = &list
	}
	return p
}

// apiUpdateSave changes the fields sent of an open update. Its author or an
// admin may; anyone else gets 403. A submitted update's verdict gets a new
// version, back in review. With If-Match, the update changes only while its
// ETag is one of those listed (412 otherwise); without, the fields sent are
// put over the update as it is, merged again should it change meanwhile.
func (h *Handler) apiUpdateSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiUpdateRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	for attempt := 1; ; attempt++ {
		old, err := h.store.GetUpdate(ctx, id)
		if err != nil {
			return err
		}
		patch := req.patch(old)
		patch.Revision = cond.expect(updateETag(old), old.Revision, true)
		_, err = h.store.SaveUpdate(ctx, currentUser(c), meta(c), id, patch)
		if cond.retryMerge(err, attempt) {
			continue
		}
		if err != nil {
			return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("update", id, rev) })
		}
		break
	}
	return h.writeUpdateJSON(c, http.StatusOK, id)
}
