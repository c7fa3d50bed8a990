package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// deskClaimUpdate saves the edit of a draft claim.
func (h *Handler) deskClaimUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, claimEditFields...)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, models.ClaimPatch{
		Text: new(f.Get("text")), Summary: new(f.Get("summary")), Speaker: new(f.Get("speaker")),
		SpeakerKind: new(models.PersonKind(f.Get("speaker_kind"))), SaidAt: new(f.Get("said_at")),
		Setting: new(f.Get("setting")), AppearanceURL: new(f.Get("appearance_url")), Tags: new(splitTags(f.Get("tags"))),
	})
	if fe := models.FieldErrors(err); fe != nil {
		cl, gerr := h.store.GetClaim(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Errors = fe
		return h.renderClaimEdit(c, http.StatusUnprocessableEntity, cl, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=claim-updated")
}
