package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// peopleList lists the speakers.
func (h *Handler) peopleList(c echo.Context) error {
	people, err := h.store.ListPeople(c.Request().Context(), 500)
	if err != nil {
		return err
	}
	return render(c, 200, pages.People(page(c, "People"), people))
}
