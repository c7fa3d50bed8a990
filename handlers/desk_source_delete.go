package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskSourceDelete removes a source from a claim not yet published. The
// form carries the revision of the source the page showed: when someone
// changed the source since, nothing is removed and the claim's page comes
// back (409) showing the source as it is now; when the claim is
// published, it comes back (409) saying why its sources are fixed.
func (h *Handler) deskSourceDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "revision")
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	src, err := h.store.GetSource(ctx, id)
	if err != nil {
		return err
	}
	err = h.store.DeleteSource(ctx, currentUser(c), meta(c), id, revision)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cur, err := h.store.GetSource(ctx, id)
		if err != nil {
			return err
		}
		refused := views.Form{Error: localeOf(c).T("desk.error.source_removed_stale", "Title", cur.Title)}
		return h.renderClaimDesk(c, http.StatusConflict, src.ClaimID, pages.ClaimForms{Remove: refused})
	}
	if done, err := h.refuseFixedSources(c, src.ClaimID, err, pages.ClaimForms{}); done {
		return err
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done=source-removed#sources")
}
