package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateWithdraw withdraws an open update (204): nothing of it is
// published. Its author or an admin may. With If-Match, only while its
// ETag is one of those listed (412 otherwise).
func (h *Handler) apiUpdateWithdraw(c echo.Context) error {
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
		old, err := h.store.GetUpdate(ctx, id)
		if err != nil {
			return err
		}
		revision = cond.expect(updateETag(old), old.Revision, false)
	}
	if err := h.store.WithdrawUpdate(ctx, currentUser(c), meta(c), id, revision); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("update", id, rev) })
	}
	return c.NoContent(http.StatusNoContent)
}
