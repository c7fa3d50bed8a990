package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiPersonShow answers with one speaker, by id, and their ETag for
// If-Match.
func (h *Handler) apiPersonShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.writePersonJSON(c, http.StatusOK, id)
}

// writePersonJSON answers with the speaker as they now are, and their
// ETag; every action whose result is a speaker ends here.
func (h *Handler) writePersonJSON(c echo.Context, status int, id uint) error {
	ctx := c.Request().Context()
	p, err := h.store.PersonByID(ctx, id)
	if err != nil {
		return err
	}
	n, err := h.store.CountClaimsOf(ctx, id)
	if err != nil {
		return err
	}
	setETag(c, personETag(p))
	return writeJSON(c, status, newPersonJSON(p, n))
}
