package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// deskListLength is how many items the dashboard lists under each count.
const deskListLength = 5

// desk is the signed-in home page: what waits for the user, counted and
// listed.
func (h *Handler) desk(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	counts, err := h.store.DeskCounts(ctx, u)
	if err != nil {
		return err
	}
	lists, err := h.store.DeskLists(ctx, u, deskListLength)
	if err != nil {
		return err
	}
	q, err := h.queueDetails(ctx, lists.AwaitingReview)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.Desk(page(c, localeOf(c).T("desk.home.title")), pages.Dashboard{Counts: counts, Lists: lists, Queue: q}))
}
