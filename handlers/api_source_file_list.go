package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiSourceFileList lists the files of a source, oldest first, whatever
// its claim's status: GET /api/v1/sources/{id}/files; 404 for a missing
// source.
func (h *Handler) apiSourceFileList(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	src, err := h.store.GetSource(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, jsonList(src.Files, h.newFileJSON))
}
