package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// publishedVersionJSON is one published version of a fact-check, as the
// public saw it.
type publishedVersionJSON struct {
	Number      int                 `json:"number"`
	PublishedAt string              `json:"published_at"`
	Text        string              `json:"text"`
	Summary     string              `json:"summary"`
	Speaker     string              `json:"speaker"`
	SaidAt      *string             `json:"said_at"`
	Setting     string              `json:"setting"`
	Language    string              `json:"language"`
	Tags        []string            `json:"tags"`
	Appearances []apiAppearanceJSON `json:"appearances"`
	Sources     []updateSourceJSON  `json:"sources"`
	Rating      string              `json:"rating"`
	Headline    string              `json:"headline"`
	Explanation string              `json:"explanation"`
	// VerdictLanguage is the verdict's language tag.
	VerdictLanguage string `json:"verdict_language"`
	Note            string `json:"note"`
}

// apiClaimVersions lists every published version of a fact-check, oldest
// first: {"versions": […]}. A fact-check published before versions were
// kept, and not updated since, has none.
func (h *Handler) apiClaimVersions(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := h.store.GetClaim(ctx, id); err != nil {
		return err
	}
	list, err := h.store.ClaimPublications(ctx, id)
	if err != nil {
		return err
	}
	out := make([]publishedVersionJSON, 0, len(list))
	for _, v := range list {
		j := publishedVersionJSON{Number: v.Number, PublishedAt: stampJSON(v.PublishedAt), Text: v.Text, Summary: v.Summary, Speaker: v.Speaker,
			SaidAt: textOrNull(v.SaidAt), Setting: v.Setting, Tags: v.Tags, Appearances: appearanceInputsJSON(v.Appearances), Sources: updateSourcesJSON(v.Sources), Rating: v.Rating,
			Headline: v.Headline, Explanation: v.Explanation, Note: v.Note, Language: v.Language, VerdictLanguage: v.VerdictLanguage}
		if j.Tags == nil {
			j.Tags = []string{}
		}
		out = append(out, j)
	}
	return writeJSON(c, http.StatusOK, map[string]any{"versions": out})
}
