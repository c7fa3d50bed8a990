package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiClaimDelete deletes a draft claim for good: its author or an admin
// may (403 otherwise); a claim in review, published or retracted is a 409.
// With If-Match, the claim is deleted only while its ETag is one of those
// listed (412 otherwise).
func (h *Handler) apiClaimDelete(c echo.Context) error {
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
		old, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		revision = cond.expect(claimETag(old), old.Revision, false)
	}
	if err := h.store.DeleteClaim(ctx, currentUser(c), meta(c), id, revision); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("claim", id, rev) })
	}
	return c.NoContent(http.StatusNoContent)
}
