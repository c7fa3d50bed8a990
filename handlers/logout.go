package handlers

import (
	"github.com/labstack/echo/v4"
)

// logout ends the session on the server and clears the cookie.
func (h *Handler) logout(c echo.Context) error {
	if ck, err := c.Cookie(h.cookieName); err == nil {
		if err := h.store.Logout(c.Request().Context(), meta(c), ck.Value); err != nil {
			return err
		}
	}
	h.clearSessionCookie(c)
	return seeOther(c, "/")
}
