package handlers

import (
	"maps"
	"net/http"

	"github.com/labstack/echo/v4"
)

// deskClaimBulkDiscard deletes the ticked claims for good, when the form's
// confirmation box is ticked (422 on the box otherwise), by the rule of
// the claim page's deletion (models.Store.BulkDiscard): only claims never
// published and not in review, by whoever logged them or an admin. When
// any ticked claim may not be discarded, none is, and the list says how
// many stand in the way (409).
func (h *Handler) deskClaimBulkDiscard(c echo.Context, b bulk) error {
	if err := confirmed(b.f); err != nil {
		maps.Copy(b.f.Errors, formErrors(c, err))
		return h.renderBulk(c, http.StatusUnprocessableEntity, b)
	}
	n, err := h.store.BulkDiscard(c.Request().Context(), currentUser(c), meta(c), b.ids)
	if err != nil {
		return h.refused(c, b, err)
	}
	return seeOther(c, b.done("bulk-discarded", n))
}
