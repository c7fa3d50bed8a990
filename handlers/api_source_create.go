package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiSourceRequest is the body of POST /api/v1/claims/{id}/sources and of
// PATCH /api/v1/sources/{id}.
type apiSourceRequest struct {
	URL         *string            `json:"url"`
	Title       *string            `json:"title"`
	Outlet      *string            `json:"outlet"`
	PublishedAt *string            `json:"published_at"`
	Kind        *models.SourceKind `json:"kind"`
	Stance      *models.Stance     `json:"stance"`
	Excerpt     *string            `json:"excerpt" input:"multiline"`
	Locator     *string            `json:"locator"`
	// Language is a BCP 47 language tag; "" detects it from the title
	// and excerpt.
	Language *string `json:"language"`
}

// over returns base with the fields that were sent put over it.
func (r apiSourceRequest) over(base models.SourceInput) models.SourceInput {
	return models.SourceInput{
		URL: sentOr(r.URL, base.URL), Title: sentOr(r.Title, base.Title), Outlet: sentOr(r.Outlet, base.Outlet),
		PublishedAt: sentOr(r.PublishedAt, base.PublishedAt), Kind: sentOr(r.Kind, base.Kind),
		Stance: sentOr(r.Stance, base.Stance), Excerpt: sentOr(r.Excerpt, base.Excerpt), Locator: sentOr(r.Locator, base.Locator),
		Language: sentOr(r.Language, base.Language),
	}
}

// apiSourceCreate attaches a piece of evidence to a claim that is not yet
// published.
func (h *Handler) apiSourceCreate(c echo.Context) error {
	claimID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiSourceRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	src, err := h.store.AddSource(c.Request().Context(), currentUser(c), meta(c), claimID, req.over(models.SourceInput{}))
	if err != nil {
		return err
	}
	setETag(c, sourceETag(src))
	return writeJSON(c, http.StatusCreated, h.newSourceJSON(src))
}
