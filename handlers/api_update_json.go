package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// updateETag is the entity tag of an update of a published fact-check.
func updateETag(u *models.ClaimUpdate) string { return objectETag("update", u.ID, u.Revision) }

// updateSourceJSON is one source as an update proposes it: source_id names
// the published source it keeps or edits, null for a new one.
type updateSourceJSON struct {
	SourceID    *uint   `json:"source_id"`
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Outlet      string  `json:"outlet"`
	PublishedAt *string `json:"published_at"`
	Kind        string  `json:"kind"`
	Stance      string  `json:"stance"`
	Excerpt     string  `json:"excerpt"`
	Locator     string  `json:"locator"`
	Language    string  `json:"language"`
}

// changeJSON is one difference between the published fact-check and what
// an update proposes.
type changeJSON struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// updateJSON is an update of a published fact-check: what it proposes,
// where it stands, and what it changes.
type updateJSON struct {
	ID        uint   `json:"id"`
	ClaimID   uint   `json:"claim_id"`
	Status    string `json:"status"`
	VerdictID *uint  `json:"verdict_id"`
	AuthorID  *uint  `json:"author_id"`
	// Claim holds the claim's fields as the update proposes them.
	Claim struct {
		Text        string              `json:"text"`
		Summary     string              `json:"summary"`
		Speaker     string              `json:"speaker"`
		SpeakerKind string              `json:"speaker_kind"`
		SaidAt      *string             `json:"said_at"`
		Setting     string              `json:"setting"`
		Language    string              `json:"language"`
		Tags        []string            `json:"tags"`
		Appearances []apiAppearanceJSON `json:"appearances"`
	} `json:"claim"`
	Sources []updateSourceJSON `json:"sources"`
	Verdict struct {
		Rating      string `json:"rating"`
		Headline    string `json:"headline"`
		Explanation string `json:"explanation"`
		Language    string `json:"language"`
	} `json:"verdict"`
	Note string `json:"note"`
	// Changes lists what the update changes of the published fact-check,
	// while it is open; [] after.
	Changes     []changeJSON `json:"changes"`
	Revision    int          `json:"revision"`
	CreatedAt   string       `json:"created_at"`
	UpdatedAt   string       `json:"updated_at"`
	PublishedAt *string      `json:"published_at"`
}

// newUpdateJSON converts update u of claim c (loaded with its sources and
// verdicts).
func newUpdateJSON(u *models.ClaimUpdate, c *models.Claim) updateJSON {
	j := updateJSON{ID: u.ID, ClaimID: u.ClaimID, Status: string(u.Status), VerdictID: u.VerdictID, AuthorID: u.AuthorID, Note: u.Note,
		Revision: u.Revision, CreatedAt: stampJSON(u.CreatedAt), UpdatedAt: stampJSON(u.UpdatedAt), PublishedAt: optStampJSON(u.PublishedAt),
		Sources: []updateSourceJSON{}, Changes: []changeJSON{}}
	j.Claim.Text, j.Claim.Summary, j.Claim.Speaker, j.Claim.SpeakerKind = u.Text, u.Summary, u.Speaker, string(u.SpeakerKind)
	j.Claim.SaidAt, j.Claim.Setting, j.Claim.Tags, j.Claim.Language = dateJSON(u.SaidAt), u.Setting, u.Tags, u.Language
	if j.Claim.Tags == nil {
		j.Claim.Tags = []string{}
	}
	j.Claim.Appearances = appearanceInputsJSON(u.Appearances)
	j.Verdict.Rating, j.Verdict.Headline, j.Verdict.Explanation, j.Verdict.Language = u.Rating, u.Headline, u.Explanation, u.VerdictLanguage
	j.Sources = updateSourcesJSON(u.Sources)
	if u.Status.IsOpen() {
		for _, ch := range models.UpdateChanges(c, u) {
			j.Changes = append(j.Changes, changeJSON(ch))
		}
	}
	return j
}

// appearanceInputsJSON converts the appearances an update proposes or a
// published version kept; never nil.
func appearanceInputsJSON(list []models.AppearanceInput) []apiAppearanceJSON {
	return jsonList(list, func(a *models.AppearanceInput) apiAppearanceJSON {
		return apiAppearanceJSON{URL: a.URL, Date: textOrNull(a.Date), Where: a.Where}
	})
}

// updateSourcesJSON converts the sources an update proposes or a published
// version kept.
func updateSourcesJSON(list []models.UpdateSource) []updateSourceJSON {
	out := make([]updateSourceJSON, 0, len(list))
	for _, src := range list {
		s := updateSourceJSON{URL: src.URL, Title: src.Title, Outlet: src.Outlet, PublishedAt: textOrNull(src.PublishedAt),
			Kind: string(src.Kind), Stance: string(src.Stance), Excerpt: src.Excerpt, Locator: src.Locator, Language: src.Language}
		if src.SourceID != 0 {
			id := src.SourceID
			s.SourceID = &id
		}
		out = append(out, s)
	}
	return out
}

// writeUpdateJSON answers with update id as it now is, with its ETag.
func (h *Handler) writeUpdateJSON(c echo.Context, status int, id uint) error {
	ctx := c.Request().Context()
	u, err := h.store.GetUpdate(ctx, id)
	if err != nil {
		return err
	}
	cl, err := h.store.GetClaim(ctx, u.ClaimID)
	if err != nil {
		return err
	}
	setETag(c, updateETag(u))
	return writeJSON(c, status, newUpdateJSON(u, cl))
}
