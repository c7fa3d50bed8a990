package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiFileDelete removes a file from its source while the claim is not yet
// published: DELETE /api/v1/files/{id}; 204, 404 for a missing file, 409
// once the claim is published or retracted.
func (h *Handler) apiFileDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.RemoveSourceFile(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
