package handlers

import (
	"compress/gzip"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"syscall"

	"github.com/labstack/echo/v4"
)

// streamPublic writes a large public document that is built row by row
// rather than cached in memory: conditional requests get 304 from the site
// version, and the body is gzip-compressed on the fly when accepted.
func (h *Handler) streamPublic(c echo.Context, key, contentType string, write func(w io.Writer) error) error {
	v, err := h.siteVersion(c.Request().Context())
	if err != nil {
		return err
	}
	etag := etagFor(key, v)
	hd := c.Response().Header()
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", "public, no-cache")
	addVary(hd, echo.HeaderAcceptEncoding)
	if !v.Modified.IsZero() {
		hd.Set("Last-Modified", v.Modified.UTC().Format(http.TimeFormat))
	}
	if notModified(c.Request(), etag, v.Modified) {
		return c.NoContent(http.StatusNotModified)
	}
	hd.Set(echo.HeaderContentType, contentType)
	if c.Request().Method == http.MethodHead {
		return c.NoContent(http.StatusOK)
	}
	var w io.Writer = c.Response()
	var gz *gzip.Writer
	if acceptsGzip(c) {
		hd.Set(echo.HeaderContentEncoding, "gzip")
		gz, _ = gzip.NewWriterLevel(c.Response(), gzip.BestSpeed)
		w = gz
	}
	c.Response().WriteHeader(http.StatusOK)
	if err := write(w); err != nil {
		// The status is sent; the client sees a truncated body. A client
		// that went away is its own doing (info); anything else is ours.
		level := slog.LevelError
		if c.Request().Context().Err() != nil || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) {
			level = slog.LevelInfo
		}
		h.log.Log(c.Request().Context(), level, "stream failed", "request_id", requestIDOf(c), "path", c.Request().URL.Path, "err", err)
		return nil
	}
	if gz != nil {
		return gz.Close()
	}
	return nil
}
