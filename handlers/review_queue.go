package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// reviewQueue lists verdicts waiting for the reviewer.
func (h *Handler) reviewQueue(c echo.Context) error {
	ctx := c.Request().Context()
	items, err := h.store.ReviewQueue(ctx, currentUser(c))
	if err != nil {
		return err
	}
	q, err := h.queueDetails(ctx, items)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.ReviewQueue(page(c, localeOf(c).T("desk.queue.title")), q))
}

// queueDetails adds to verdicts waiting for review who wrote each and how many
// sources its claim has.
func (h *Handler) queueDetails(ctx context.Context, items []models.QueueItem) (pages.Queue, error) {
	q := pages.Queue{Items: items}
	verdicts := make([]uint, 0, len(items))
	claims := make([]uint, 0, len(items))
	for _, it := range items {
		verdicts = append(verdicts, it.VerdictID)
		claims = append(claims, it.ClaimID)
	}
	var err error
	if q.Authors, err = h.store.VerdictAuthorNames(ctx, verdicts); err != nil {
		return q, err
	}
	if q.Sources, err = h.store.SourceCounts(ctx, claims); err != nil {
		return q, err
	}
	return q, nil
}
