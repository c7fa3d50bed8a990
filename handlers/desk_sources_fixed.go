package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// refuseFixedSources answers a change to the sources of a claim that is
// published or retracted, whose sources are fixed: the claim's desk page
// comes back (409) with the store's reason above its sources (they change
// through an update), in the reader's language, and nothing is saved. It
// handles err only when it is that refusal (a *models.ConflictError);
// otherwise handled is false and the caller goes on.
func (h *Handler) refuseFixedSources(c echo.Context, claimID uint, err error, forms pages.ClaimForms) (handled bool, _ error) {
	var conflict *models.ConflictError
	if !errors.As(err, &conflict) {
		return false, nil
	}
	forms.Source.Error = reasonText(c, conflict.Reason)
	return true, h.renderClaimDesk(c, http.StatusConflict, claimID, forms)
}

// refuseIfSourcesFixed is refuseFixedSources asked before a form is read
// (a file checked, a revision compared): when the claim's sources are
// fixed, that is the answer, whatever else the form holds.
func (h *Handler) refuseIfSourcesFixed(c echo.Context, claimID uint, forms pages.ClaimForms) (handled bool, _ error) {
	cl, err := h.store.GetClaim(c.Request().Context(), claimID)
	if err != nil {
		return true, err
	}
	return h.refuseFixedSources(c, claimID, cl.EvidenceOpen(), forms)
}

// sourcesOpen is nil while the sources of source id's claim may change,
// else the claim's *models.ConflictError (see models.Claim.EvidenceOpen).
func (h *Handler) sourcesOpen(ctx context.Context, id uint) error {
	src, err := h.store.GetSource(ctx, id)
	if err != nil {
		return err
	}
	cl, err := h.store.GetClaim(ctx, src.ClaimID)
	if err != nil {
		return err
	}
	return cl.EvidenceOpen()
}
