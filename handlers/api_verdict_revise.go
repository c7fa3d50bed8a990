package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiVerdictRevise changes the fields sent of a verdict in review or sent
// back, and submits it again as a new version. Only its author or an admin
// may; anyone else gets 403.
func (h *Handler) apiVerdictRevise(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiVerdictRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	old, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	base := models.VerdictInput{Rating: old.RatingSlug, Headline: old.Headline, Explanation: old.Explanation}
	if _, err := h.store.ReviseVerdict(ctx, currentUser(c), meta(c), id, req.over(base)); err != nil {
		return err
	}
	// Read back with its reviews, which the answer lists.
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, newVerdictJSON(v))
}
