package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// deskSourceUpdate saves the edit of a source of a claim not yet published.
func (h *Handler) deskSourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, sourceFields...)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	src, err := h.store.UpdateSource(ctx, currentUser(c), meta(c), id, sourceInput(f))
	if fe := models.FieldErrors(err); fe != nil {
		old, gerr := h.store.GetSource(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Errors = fe
		return h.renderSourceEdit(c, http.StatusUnprocessableEntity, old, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done=source-updated#sources")
}
