package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// account shows the signed-in user's own page: password, two-factor
// sign-in, open sessions (the current one marked) and API tokens.
func (h *Handler) account(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	v := pages.AccountView{}
	var err error
	if v.TwoFactor, err = h.store.TwoFactorStatus(ctx, u); err != nil {
		return err
	}
	if v.Sessions, err = h.store.ListSessions(ctx, u.ID); err != nil {
		return err
	}
	if v.Tokens, err = h.store.ListAPITokens(ctx, u.ID); err != nil {
		return err
	}
	if ck, err := c.Cookie(h.cookieName); err == nil {
		v.Current = ck.Value
	}
	p := page(c, "Your account")
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, http.StatusOK, pages.Account(p, v))
}
