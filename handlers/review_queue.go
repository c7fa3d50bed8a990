package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// reviewQueue lists the verdicts waiting for the reviewer, those waiting
// longest first, narrowed by ?speaker= (a person's id) and ?author= (an
// account's id); a value that is not an id is refused (422 naming it).
func (h *Handler) reviewQueue(c echo.Context) error {
	var v models.Validator
	f := models.QueueFilter{SpeakerID: idQuery(c.QueryParam, &v, "speaker"), AuthorID: idQuery(c.QueryParam, &v, "author")}
	if err := v.Err(); err != nil {
		return err
	}
	ctx := c.Request().Context()
	all, err := h.store.ReviewQueue(ctx, currentUser(c), models.QueueFilter{})
	if err != nil {
		return err
	}
	items := all
	if f != (models.QueueFilter{}) {
		if items, err = h.store.ReviewQueue(ctx, currentUser(c), f); err != nil {
			return err
		}
	}
	q, err := h.queueDetails(ctx, items)
	if err != nil {
		return err
	}
	q.Filter = f
	q.Speakers, q.Authors = pages.QueueChoices(all)
	p := page(c, localeOf(c).T("desk.queue.title"))
	p.Params = c.QueryParams()
	return render(c, http.StatusOK, pages.ReviewQueue(p, q))
}

// queueDetails adds to verdicts waiting for review how many sources each
// claim has, and the moment from which their wait is counted.
func (h *Handler) queueDetails(ctx context.Context, items []models.QueueItem) (pages.Queue, error) {
	q := pages.Queue{Items: items, Now: h.store.Now()}
	claims := make([]uint, 0, len(items))
	for _, it := range items {
		claims = append(claims, it.ClaimID)
	}
	var err error
	if q.Sources, err = h.store.SourceCounts(ctx, claims); err != nil {
		return q, err
	}
	return q, nil
}
