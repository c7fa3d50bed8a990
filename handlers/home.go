package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// home is the public front page.
func (h *Handler) home(c echo.Context) error {
	claims, err := h.store.LatestPublished(c.Request().Context(), 20)
	if err != nil {
		return err
	}
	p := page(c, "")
	p.Description = "Fact-checks of what public figures said, with the evidence for each verdict."
	return render(c, 200, pages.Home(p, claims))
}
