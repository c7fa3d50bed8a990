package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// account shows the signed-in user's own page: interface language,
// password, two-factor sign-in, open sessions (the current one marked) and
// API tokens.
func (h *Handler) account(c echo.Context) error {
	lang := views.Form{Values: map[string]string{"language": currentUser(c).Language}}
	return h.renderAccount(c, http.StatusOK, lang)
}

// renderAccount renders the account page with lang as the form of the
// user's interface language; the rest it reads.
func (h *Handler) renderAccount(c echo.Context, status int, lang views.Form) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	v := pages.AccountView{Language: lang}
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
	p := page(c, views.T(ctx, "admin.account.title"))
	p.Flash = flash(c)
	return render(c, status, pages.Account(p, v))
}
