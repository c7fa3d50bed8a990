package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// sourceFields are the fields of the source form.
var sourceFields = []string{"url", "title", "outlet", "published_at", "kind", "stance", "excerpt", "locator"}

// sourceInput reads the source form.
func sourceInput(f views.Form) models.SourceInput {
	return models.SourceInput{
		URL: f.Get("url"), Title: f.Get("title"), Outlet: f.Get("outlet"), PublishedAt: f.Get("published_at"),
		Kind: models.SourceKind(f.Get("kind")), Stance: models.Stance(f.Get("stance")),
		Excerpt: f.Get("excerpt"), Locator: f.Get("locator"),
	}
}

// deskSourceCreate attaches a source to a claim that is not yet published.
func (h *Handler) deskSourceCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, sourceFields...)
	if err != nil {
		return err
	}
	_, err = h.store.AddSource(c.Request().Context(), currentUser(c), meta(c), id, sourceInput(f))
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Source: f}, "source-added#sources")
}
