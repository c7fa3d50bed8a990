package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateList lists every update of a claim, newest first: {"updates": […]}.
func (h *Handler) apiUpdateList(c echo.Context) error {
	claimID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	cl, err := h.store.GetClaim(ctx, claimID)
	if err != nil {
		return err
	}
	list, err := h.store.ClaimUpdates(ctx, claimID)
	if err != nil {
		return err
	}
	out := make([]updateJSON, 0, len(list))
	for i := range list {
		out = append(out, newUpdateJSON(&list[i], cl))
	}
	return writeJSON(c, http.StatusOK, map[string]any{"updates": out})
}
