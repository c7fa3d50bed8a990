package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateShow answers with one update of a published fact-check and its
// ETag.
func (h *Handler) apiUpdateShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.writeUpdateJSON(c, http.StatusOK, id)
}
