package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// deskClaimHistory lists every recorded change of a claim, oldest first.
func (h *Handler) deskClaimHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	events, err := h.store.ClaimHistory(ctx, id)
	if err != nil {
		return err
	}
	cl, err := h.store.GetClaim(ctx, id)
	if err != nil {
		return err
	}
	var ids []uint
	for _, e := range events {
		if e.ActorID != nil {
			ids = append(ids, *e.ActorID)
		}
	}
	names, err := h.store.UserNames(ctx, ids)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.DeskClaimHistory(page(c, "History of a claim"), cl, pages.NewHistory(events, names)))
}
