package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// reviewQueue lists verdicts waiting for the reviewer.
func (h *Handler) reviewQueue(c echo.Context) error {
	items, err := h.store.ReviewQueue(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	return render(c, 200, pages.ReviewQueue(page(c, "Review queue"), items))
}
