package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// deskClaimBulkAssign assigns the ticked claims to the colleague chosen
// (assignee_id, an account's id) or to nobody ("nobody"), each as the
// claim page's assignment form does (models.Store.BulkAssign): every
// claim newly assigned records the workflow event that tells its
// assignee. No choice, or one that is not an active account, is the
// field's error (422).
func (h *Handler) deskClaimBulkAssign(c echo.Context, b bulk) error {
	to := b.f.Get("assignee_id")
	var id uint
	switch to {
	case "":
		b.f.Errors["assignee_id"] = reasonText(c, models.ReasonRequired)
		return h.renderBulk(c, http.StatusUnprocessableEntity, b)
	case whoNobody:
	default:
		n, err := strconv.ParseUint(to, 10, 32)
		if err != nil || n == 0 {
			b.f.Errors["assignee_id"] = reasonText(c, models.ReasonAssignee)
			return h.renderBulk(c, http.StatusUnprocessableEntity, b)
		}
		id = uint(n)
	}
	n, err := h.store.BulkAssign(c.Request().Context(), currentUser(c), meta(c), b.ids, id)
	if err != nil {
		return h.refused(c, b, err)
	}
	return seeOther(c, b.done("bulk-assigned", n, "who", to))
}
