package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiWebhookShow answers with one webhook, without its secret; 404 when
// there is none. Admins only.
func (h *Handler) apiWebhookShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	w, err := h.store.GetWebhook(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, newWebhookJSON(w))
}
