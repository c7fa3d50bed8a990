package handlers

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskSourceEdit shows the form that edits a source. A published claim's
// sources are fixed: its page comes back (409) saying so.
func (h *Handler) deskSourceEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	src, err := h.store.GetSource(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if done, err := h.refuseIfSourcesFixed(c, src.ClaimID, pages.ClaimForms{}); done {
		return err
	}
	f := views.Form{Errors: map[string]string{}, Values: sourceFormValues(src)}
	f.Values["revision"] = strconv.Itoa(src.Revision)
	return h.renderSourceEdit(c, http.StatusOK, src, f)
}

// sourceFormValues are a source's fields as its form shows them.
func sourceFormValues(src *models.Source) map[string]string {
	return map[string]string{
		"url": src.URL, "title": src.Title, "outlet": src.Outlet, "published_at": models.FormatDate(src.PublishedAt),
		"kind": string(src.Kind), "stance": string(src.Stance), "excerpt": src.Excerpt, "locator": src.Locator, "language": src.Language,
	}
}

// sourceStaleFields are the source form's fields as a stale save compares
// them, named in ctx's language.
func sourceStaleFields(ctx context.Context) []staleField {
	return []staleField{
		{name: "url", label: views.T(ctx, "desk.field.address")},
		{name: "title", label: views.T(ctx, "desk.field.title")},
		{name: "stance", label: views.T(ctx, "desk.field.stance"), show: func(v string) string { return components.StanceLabel(ctx, models.Stance(v)) }},
		{name: "kind", label: views.T(ctx, "desk.field.kind"), show: func(v string) string { return components.SourceKindLabel(ctx, models.SourceKind(v)) }},
		{name: "outlet", label: views.T(ctx, "desk.field.outlet_publisher")},
		{name: "published_at", label: views.T(ctx, "desk.field.published_on")},
		{name: "excerpt", label: views.T(ctx, "desk.field.excerpt")},
		{name: "locator", label: views.T(ctx, "desk.field.locator")},
		{name: "language", label: views.T(ctx, "content.language.label")},
	}
}

// renderSourceEdit shows the edit form of src with f's values and errors.
func (h *Handler) renderSourceEdit(c echo.Context, status int, src *models.Source, f views.Form) error {
	cl, err := h.store.GetClaim(c.Request().Context(), src.ClaimID)
	if err != nil {
		return err
	}
	if !cl.Status.BeforeReview() && cl.Status != models.ClaimInReview {
		return fmt.Errorf("edit source %d: claim is %s: %w", src.ID, cl.Status, models.ErrConflict)
	}
	return render(c, status, pages.DeskSourceEdit(page(c, localeOf(c).T("desk.source.title")), cl, src, f, h.store.MaxFileBytes()))
}
