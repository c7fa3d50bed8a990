package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
)

// deskSourceDelete removes a source from a claim not yet published.
func (h *Handler) deskSourceDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	src, err := h.store.GetSource(ctx, id)
	if err != nil {
		return err
	}
	if err := h.store.DeleteSource(ctx, currentUser(c), meta(c), id, 0); err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done=source-removed#sources")
}
