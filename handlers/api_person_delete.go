package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiPersonDelete deletes a speaker who has no claims (409 otherwise:
// merge them into another speaker instead). Reviewers and above. With
// If-Match, the speaker is deleted only while their ETag is one of those
// listed (412 otherwise).
func (h *Handler) apiPersonDelete(c echo.Context) error {
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
		old, err := h.store.PersonByID(ctx, id)
		if err != nil {
			return err
		}
		revision = cond.expect(personETag(old), old.Revision, false)
	}
	if err := h.store.DeletePerson(ctx, currentUser(c), meta(c), id, revision); err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("person", id, rev) })
	}
	return c.NoContent(http.StatusNoContent)
}
