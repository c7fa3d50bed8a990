package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiClaimUpdate changes the fields sent, and only those, of a draft claim.
// Claims in review, published or retracted are refused with 409. With
// If-Match, the claim changes only while its ETag is one of those listed
// (412 otherwise); without, the fields sent are applied to whatever is
// current.
func (h *Handler) apiClaimUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiClaimFields
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	patch := req.patch()
	if cond.strict() {
		old, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		patch.Revision = cond.expect(claimETag(old), old.Revision, false)
	}
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, patch)
	if err != nil {
		return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("claim", id, rev) })
	}
	return h.writeClaimJSON(c, http.StatusOK, id)
}
