package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiArticleDelete deletes a logged article for good: whoever logged it or
// an admin may (403 otherwise), while no claim found in it is published or
// retracted (409 otherwise). The claims logged from it stay, unlinked.
// Articles are never edited, so they have no ETag to send in If-Match.
func (h *Handler) apiArticleDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteArticle(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
