package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskSourceFileDelete removes a file from a source of a claim not yet
// published, then goes back to the claim's sources; 404 for a missing
// file; once the claim is published or retracted, its page (409) saying
// why its sources are fixed.
func (h *Handler) deskSourceFileDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	f, err := h.store.GetSourceFile(ctx, id)
	if err != nil {
		return err
	}
	src, err := h.store.GetSource(ctx, f.SourceID)
	if err != nil {
		return err
	}
	err = h.store.RemoveSourceFile(ctx, currentUser(c), meta(c), id)
	if done, err := h.refuseFixedSources(c, src.ClaimID, err, pages.ClaimForms{}); done {
		return err
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done=file-removed#sources")
}
