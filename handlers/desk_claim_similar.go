package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
)

// deskClaimSimilar answers the claim form's script with the list of logged
// claims that resemble the text being typed, as an HTML fragment.
func (h *Handler) deskClaimSimilar(c echo.Context) error {
	var exclude uint
	if n, err := strconv.ParseUint(c.QueryParam("exclude"), 10, 32); err == nil {
		exclude = uint(n)
	}
	similar, err := h.store.SimilarClaims(c.Request().Context(), c.QueryParam("text"), exclude, 5)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, components.SimilarClaims(similar))
}
