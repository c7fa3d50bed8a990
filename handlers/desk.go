package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskListLength is how many items the dashboard lists under each count.
const deskListLength = 5

// desk is the signed-in home page: what waits for the user, counted and
// listed (see pages.Desk).
func (h *Handler) desk(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	counts, ok, err := views.DeskCountsOf(ctx)
	if !ok {
		counts, err = h.store.DeskCounts(ctx, u)
	}
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

// deskCounts lets the pages of signed-in users count, in the navigation,
// what waits for the user (see views.WithDeskCounts): counted once, when a
// page first needs it.
func (h *Handler) deskCounts(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := currentUser(c)
		if u == nil {
			return next(c)
		}
		ctx := c.Request().Context()
		c.SetRequest(c.Request().WithContext(views.WithDeskCounts(ctx, func() (models.DeskCounts, error) {
			return h.store.DeskCounts(ctx, u)
		})))
		return next(c)
	}
}
