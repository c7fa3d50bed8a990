package handlers

import (
	"errors"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// deskUpdateOpen opens an update of a published fact-check, as a copy of
// what is published, and goes to its page. When the claim already has an
// open update, it goes to that one instead.
func (h *Handler) deskUpdateOpen(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := parseForm(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.store.OpenUpdate(ctx, currentUser(c), meta(c), id)
	if errors.Is(err, models.ErrConflict) {
		if open, ferr := h.store.OpenUpdateOf(ctx, id); ferr == nil && open != nil {
			return seeOther(c, components.UpdatePath(open.ID))
		}
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.UpdatePath(u.ID))
}
