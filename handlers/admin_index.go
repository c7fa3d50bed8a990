package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminIndex is the administration's index: accounts, API tokens, the
// rating scale and the site settings, each with what stands now and a
// link to the page that changes it.
func (h *Handler) adminIndex(c echo.Context) error {
	o, err := h.store.AdminOverview(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.AdminIndex(page(c, views.T(c.Request().Context(), "admin.index.title")), o))
}
