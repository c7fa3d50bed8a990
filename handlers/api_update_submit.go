package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateSubmit sends a draft update to review: its verdict is made, in
// review at version 1 ("verdict_id" in the answer; reviewers approve it with
// POST /api/v1/verdicts/{verdict_id}/reviews). The public note is
// required, and an update that changes nothing is refused (422). With
// If-Match, only while its ETag is one of those listed (412 otherwise).
func (h *Handler) apiUpdateSubmit(c echo.Context) error {
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
	if _, err := h.store.SubmitUpdate(ctx, currentUser(c), meta(c), id, revision); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("update", id, rev) })
	}
	return h.writeUpdateJSON(c, http.StatusOK, id)
}
