package handlers

import (
	"github.com/labstack/echo/v4"
)

// deskClaimBulkTag adds the tag typed (tag) to the ticked claims that lack
// it (models.Store.BulkTag): only claims not yet in review, as their
// other words; a selection that holds another is refused whole (409).
func (h *Handler) deskClaimBulkTag(c echo.Context, b bulk) error {
	n, tag, err := h.store.BulkTag(c.Request().Context(), currentUser(c), meta(c), b.ids, b.f.Get("tag"))
	if err != nil {
		return h.refused(c, b, err)
	}
	return seeOther(c, b.done("bulk-tagged", n, "label", tag))
}
