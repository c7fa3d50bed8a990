package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// adminTokenRevoke stops an API token from working.
func (h *Handler) adminTokenRevoke(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	tok, err := h.store.GetAPIToken(ctx, id)
	if err != nil {
		return err
	}
	if err := h.store.RevokeAPIToken(ctx, currentUser(c), meta(c), id); err != nil {
		return err
	}
	return seeOther(c, "/admin/users/"+strconv.FormatUint(uint64(tok.UserID), 10)+"?done=revoked")
}
