package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiClaimShow answers with one claim, whatever its status, with its
// sources, verdicts and their reviews, and corrections. Its ETag names the
// revision of the claim's own fields, those PATCH changes.
func (h *Handler) apiClaimShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.writeClaimJSON(c, http.StatusOK, id)
}

// writeClaimJSON answers with the claim as it now is in the database, and
// its ETag; every action whose result is a claim ends here, so they all
// answer alike.
func (h *Handler) writeClaimJSON(c echo.Context, status int, id uint) error {
	claim, err := h.store.GetClaim(c.Request().Context(), id)
	if err != nil {
		return err
	}
	setETag(c, claimETag(claim))
	return writeJSON(c, status, h.newClaimJSON(claim))
}
