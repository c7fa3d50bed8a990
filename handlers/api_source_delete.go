package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiSourceDelete removes a source from a claim that is not yet published.
func (h *Handler) apiSourceDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteSource(c.Request().Context(), currentUser(c), meta(c), id, 0); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
