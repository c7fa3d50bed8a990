package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
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
	entries, err := h.history(ctx, events)
	if err != nil {
		return err
	}
	versions, err := h.store.ClaimPublications(ctx, id)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.DeskClaimHistory(page(c, localeOf(c).T("desk.history.title")), cl, entries, versions))
}

// history turns audit events into the entries a desk page shows, naming
// each actor by their display name.
func (h *Handler) history(ctx context.Context, events []models.AuditEvent) ([]pages.HistoryEntry, error) {
	var ids []uint
	for _, e := range events {
		if e.ActorID != nil {
			ids = append(ids, *e.ActorID)
		}
	}
	names, err := h.store.UserNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	return pages.NewHistory(ctx, events, names), nil
}
