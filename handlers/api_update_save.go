package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiUpdateSource is one source in the body of PATCH /api/v1/updates/{id}.
type apiUpdateSource struct {
	SourceID    *uint32           `json:"source_id"`
	URL         string            `json:"url"`
	Title       string            `json:"title"`
	Outlet      string            `json:"outlet"`
	PublishedAt string            `json:"published_at"`
	Kind        models.SourceKind `json:"kind"`
	Stance      models.Stance     `json:"stance"`
	Excerpt     string            `json:"excerpt" input:"multiline"`
	Locator     string            `json:"locator"`
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
}

// patch keeps the fields that were sent.
func (r apiUpdateRequest) patch() models.UpdatePatch {
	p := models.UpdatePatch{Text: r.Text, Summary: r.Summary, Speaker: r.Speaker, SpeakerKind: r.SpeakerKind, SaidAt: r.SaidAt,
		Setting: r.Setting, Tags: r.Tags, Rating: r.Rating, Headline: r.Headline, Explanation: r.Explanation, Note: r.Note}
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
			src := models.UpdateSource{URL: s.URL, Title: s.Title, Outlet: s.Outlet, PublishedAt: s.PublishedAt, Kind: s.Kind,
				Stance: s.Stance, Excerpt: s.Excerpt, Locator: s.Locator}
			if s.SourceID != nil {
				src.SourceID = uint(*s.SourceID)
			}
			list = append(list, src)
		}
		p.Sources = &list
	}
	return p
}

// apiUpdateSave changes the fields sent of an open update. Its author or an
// admin may; anyone else gets 403. A submitted update's verdict gets a new
// version, back in review. With If-Match, the update changes only while its
// ETag is one of those listed (412 otherwise).
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
	patch := req.patch()
	if cond.strict() {
		old, err := h.store.GetUpdate(ctx, id)
		if err != nil {
			return err
		}
		patch.Revision = cond.expect(updateETag(old), old.Revision, false)
	}
	if _, err := h.store.SaveUpdate(ctx, currentUser(c), meta(c), id, patch); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("update", id, rev) })
	}
	return h.writeUpdateJSON(c, http.StatusOK, id)
}
