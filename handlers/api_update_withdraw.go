package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateWithdraw withdraws an open update (204): nothing of it is
// published. Its author or an admin may.
func (h *Handler) apiUpdateWithdraw(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.WithdrawUpdate(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
