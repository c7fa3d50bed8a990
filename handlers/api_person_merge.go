package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiPersonMergeRequest is the body of POST /api/v1/people/{id}/merge.
type apiPersonMergeRequest struct {
	// Into is the id of the speaker to keep; ids fit 32 bits, as in paths.
	Into *uint32 `json:"into"`
}

// apiPersonMerge merges speaker {id} into the speaker "into": every claim
// moves to them, {id}'s page address redirects to theirs, and {id} is
// removed. Reviewers and above. With If-Match, {id} is merged only while
// their ETag is one of those listed (412 otherwise). It answers with the
// speaker kept, and their ETag.
func (h *Handler) apiPersonMerge(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiPersonMergeRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Into == nil {
		return models.Invalid("into", models.NewReason("reasons.merge_into_required", "is required: the id of the speaker to keep"))
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
	kept, err := h.store.MergePeople(ctx, currentUser(c), meta(c), id, uint(*req.Into), revision)
	if err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("person", id, rev) })
	}
	return h.writePersonJSON(c, http.StatusOK, kept.ID)
}
