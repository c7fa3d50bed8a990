package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// desk is the signed-in home page.
func (h *Handler) desk(c echo.Context) error {
	u := currentUser(c)
	counts, err := h.store.DeskCounts(c.Request().Context(), u)
	if err != nil {
		return err
	}
	return render(c, 200, pages.Desk(page(c, "Desk"), counts))
}
