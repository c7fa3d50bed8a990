package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiClaimPatchRequest is the body of PATCH /api/v1/claims/{id}: a claim's
// fields and, to start research on a draft, "status": "researching".
type apiClaimPatchRequest struct {
	apiClaimFields
	Status *models.ClaimStatus `json:"status"`
}

// apiClaimUpdate changes the fields sent, and only those. The claim's own
// fields change before review only (draft or researching): on claims in
// review, published or retracted they are refused with 409, while its
// assignee, due day and priority change in any status. With If-Match, the
// claim changes only while its ETag is one of those listed (412
// otherwise); without, the fields sent are applied to whatever is
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
	var req apiClaimPatchRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	var old *models.Claim
	// appearance_url alone is dated by the day the claim was said: the
	// one sent, or else the claim's.
	saidAt := sentOr(req.SaidAt, "")
	if cond.strict() || (req.SaidAt == nil && req.Appearances == nil && req.AppearanceURL != nil) {
		if old, err = h.store.GetClaim(ctx, id); err != nil {
			return err
		}
		if req.SaidAt == nil {
			saidAt = models.FormatDate(old.SaidAt)
		}
	}
	patch, short, err := req.patch(saidAt)
	if err != nil {
		return err
	}
	patch.Status = req.Status
	if cond.strict() {
		patch.Revision = cond.expect(claimETag(old), old.Revision, false)
	}
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, patch)
	if err != nil {
		return cond.preconditioned(shortError(err, short), "revision", func(rev int) string { return objectETag("claim", id, rev) })
	}
	return h.writeClaimJSON(c, http.StatusOK, id)
}
