package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/static"
)

// staticFile serves an embedded asset. Current content-hashed URLs are
// cached for a year; an outdated hash still works but is revalidated.
func (h *Handler) staticFile(c echo.Context) error {
	a, current := static.Lookup(strings.TrimPrefix(c.Request().URL.Path, static.Prefix))
	if a == nil {
		return echo.ErrNotFound
	}
	hd := c.Response().Header()
	etag := `"` + a.Hash + `"`
	hd.Set("ETag", etag)
	if current {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	if c.Request().Header.Get("If-None-Match") == etag {
		return c.NoContent(http.StatusNotModified)
	}
	return writeBody(c, http.StatusOK, a.ContentType, a.Body, a.Gzip)
}
