package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiSourceUpdate changes the fields sent, and only those, of a source of a
// claim that is not yet published.
func (h *Handler) apiSourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiSourceRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	old, err := h.store.GetSource(ctx, id)
	if err != nil {
		return err
	}
	base := models.SourceInput{URL: old.URL, Title: old.Title, Outlet: old.Outlet, PublishedAt: models.FormatDate(old.PublishedAt),
		Kind: old.Kind, Stance: old.Stance, Excerpt: old.Excerpt, Locator: old.Locator}
	if _, err := h.store.UpdateSource(ctx, currentUser(c), meta(c), id, req.over(base)); err != nil {
		return err
	}
	src, err := h.store.GetSource(ctx, id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, newSourceJSON(src))
}
