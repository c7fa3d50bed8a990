package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskVerdictRevise saves its author's revision of an open verdict and sends
// it to review again as a new version.
func (h *Handler) deskVerdictRevise(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, verdictFields...)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	_, err = h.store.ReviseVerdict(ctx, currentUser(c), meta(c), id, verdictInput(f))
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, v.ClaimID, pages.ClaimForms{Verdict: f})
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(v.ClaimID)+"?done=verdict-revised#verdict")
}
