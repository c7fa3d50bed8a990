package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiSourceShow answers with one source, whatever its claim's status, and
// its ETag for If-Match.
func (h *Handler) apiSourceShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.writeSourceJSON(c, http.StatusOK, id)
}
