package handlers

import (
	"errors"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// accountSessionRevoke ends one of the user's own sessions at once. Ending
// the current one signs this browser out.
func (h *Handler) accountSessionRevoke(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := h.store.RevokeSession(ctx, currentUser(c), meta(c), id); err != nil {
		return err
	}
	if ck, err := c.Cookie(h.cookieName); err == nil {
		if _, err := h.store.SessionUser(ctx, ck.Value); errors.Is(err, models.ErrUnauthenticated) {
			h.clearSessionCookie(c)
			return seeOther(c, "/login")
		}
	}
	return seeOther(c, "/account?done=session-ended")
}
