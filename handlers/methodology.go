package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// methodology explains the rating scale and review rule.
func (h *Handler) methodology(c echo.Context) error {
	ratings, err := h.store.Ratings(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, 200, pages.Methodology(page(c, "Methodology"), ratings, h.store.ReviewQuorum()))
}
