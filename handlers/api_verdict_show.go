package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiVerdictShow answers with one verdict, whatever its status, with its
// reviews, and its ETag for If-Match.
func (h *Handler) apiVerdictShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.writeVerdictJSON(c, http.StatusOK, id)
}
