package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// accountTokenRevoke stops one of the user's own API tokens. Another
// user's token does not exist here (404), admins included: they revoke
// tokens on the account's admin page.
func (h *Handler) accountTokenRevoke(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u := currentUser(c)
	tok, err := h.store.GetAPIToken(ctx, id)
	if err != nil {
		return err
	}
	if tok.UserID != u.ID {
		return models.ErrNotFound
	}
	if err := h.store.RevokeAPIToken(ctx, u, meta(c), id); err != nil {
		return err
	}
	return seeOther(c, "/account?done=revoked")
}
