package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiSourceUpdate changes the fields sent, and only those, of a source of a
// claim that is not yet published. With If-Match, the source changes only
// while its ETag is one of those listed (412 otherwise). Without, the
// fields sent are put over the source as it is; should someone save it
// meanwhile, they are put over that save instead, never over an older
// reading.
func (h *Handler) apiSourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiSourceRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	for attempt := 1; ; attempt++ {
		old, err := h.store.GetSource(ctx, id)
		if err != nil {
			return err
		}
		base := models.SourceInput{URL: old.URL, Title: old.Title, Outlet: old.Outlet, PublishedAt: models.FormatDate(old.PublishedAt),
			Kind: old.Kind, Stance: old.Stance, Excerpt: old.Excerpt, Locator: old.Locator, Language: old.Language}
		in := req.over(base)
		in.Revision = cond.expect(sourceETag(old), old.Revision, true)
		_, err = h.store.UpdateSource(ctx, currentUser(c), meta(c), id, in)
		if cond.retryMerge(err, attempt) {
			continue
		}
		if err != nil {
			return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("source", id, rev) })
		}
		break
	}
	return h.writeSourceJSON(c, http.StatusOK, id)
}

// writeSourceJSON answers with the source as it now is, and its ETag.
func (h *Handler) writeSourceJSON(c echo.Context, status int, id uint) error {
	src, err := h.store.GetSource(c.Request().Context(), id)
	if err != nil {
		return err
	}
	setETag(c, sourceETag(src))
	return writeJSON(c, status, h.newSourceJSON(src))
}
