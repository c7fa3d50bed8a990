package handlers

import (
	"github.com/labstack/echo/v4"

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
	return h.finishClaimForm(c, v.ClaimID, err, f.Errors, pages.ClaimForms{Verdict: f}, "verdict-revised#verdict")
}
