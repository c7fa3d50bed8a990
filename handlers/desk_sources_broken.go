package handlers

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskSourcesBroken lists the sources whose links the link checker found
// gone, moved, unreachable or changed (?status= keeps one of these; any
// other value is all of them), for editors and above.
func (h *Handler) deskSourcesBroken(c echo.Context) error {
	status := models.LinkStatus(c.QueryParam("status"))
	if !slices.Contains(models.BrokenLinkStatuses, status) {
		status = ""
	}
	list, err := h.store.BrokenSources(c.Request().Context(), currentUser(c), status, pages.BrokenSourcesLimit)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.DeskBrokenSources(page(c, localeOf(c).T("desk.broken.title")), pages.BrokenSourceList{Sources: list, Status: status}))
}
