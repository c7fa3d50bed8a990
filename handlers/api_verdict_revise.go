package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiVerdictRevise changes the fields sent of a verdict in review or sent
// back, and submits it again as a new version. Only its author or an admin
// may; anyone else gets 403. With If-Match, the verdict changes only while
// its ETag (which follows its version) is one of those listed (412
// otherwise). Without, the fields sent are put over the verdict as it is;
// should it get a new version meanwhile, they are put over that one.
func (h *Handler) apiVerdictRevise(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiVerdictRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	for attempt := 1; ; attempt++ {
		old, err := h.store.GetVerdict(ctx, id)
		if err != nil {
			return err
		}
		in := req.over(models.VerdictInput{Rating: old.RatingSlug, Headline: old.Headline, Explanation: old.Explanation, Language: old.Language})
		in.Version = cond.expect(verdictETag(old), old.Version, true)
		_, err = h.store.ReviseVerdict(ctx, currentUser(c), meta(c), id, in)
		if cond.retryMerge(err, attempt) {
			continue
		}
		if err != nil {
			return cond.preconditioned(err, "version", func(v int) string { return objectETag("verdict", id, v) })
		}
		break
	}
	return h.writeVerdictJSON(c, http.StatusOK, id)
}

// writeVerdictJSON answers with the verdict as it now is, with its reviews,
// and its ETag.
func (h *Handler) writeVerdictJSON(c echo.Context, status int, id uint) error {
	v, err := h.store.GetVerdict(c.Request().Context(), id)
	if err != nil {
		return err
	}
	setETag(c, verdictETag(v))
	return writeJSON(c, status, newVerdictJSON(v))
}
