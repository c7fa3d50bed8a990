package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiClaimUpdate changes the fields sent, and only those, of a draft claim.
// Claims in review, published or retracted are refused with 409.
func (h *Handler) apiClaimUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiClaimFields
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if _, err := h.store.UpdateClaim(c.Request().Context(), currentUser(c), meta(c), id, req.patch()); err != nil {
		return err
	}
	return h.writeClaimJSON(c, http.StatusOK, id)
}
