package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiSourceDelete removes a source from a claim that is not yet published.
// With If-Match, the source is removed only while its ETag is one of those
// listed (412 otherwise).
func (h *Handler) apiSourceDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	revision := 0
	if cond.strict() {
		old, err := h.store.GetSource(ctx, id)
		if err != nil {
			return err
		}
		revision = cond.expect(sourceETag(old), old.Revision, false)
	}
	if err := h.store.DeleteSource(ctx, currentUser(c), meta(c), id, revision); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("source", id, rev) })
	}
	return c.NoContent(http.StatusNoContent)
}
