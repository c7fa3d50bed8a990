package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// account shows the signed-in user's own page: interface language, e-mail
// notifications, password, two-factor sign-in, open sessions (the current
// one marked) and API tokens.
func (h *Handler) account(c echo.Context) error {
	lang := views.Form{Values: map[string]string{"language": currentUser(c).Language}}
	return h.renderAccount(c, http.StatusOK, lang)
}

// renderAccount renders the account page with lang as the form of the
// user's interface language; the rest it reads.
func (h *Handler) renderAccount(c echo.Context, status int, lang views.Form) error {
	return h.renderAccountView(c, status, h.accountView(c, lang, views.Form{}))
}

// accountView starts the account page's view with the forms of the
// user's interface language and e-mail notifications; an empty form
// shows what is saved.
func (h *Handler) accountView(c echo.Context, lang, email views.Form) pages.AccountView {
	u := currentUser(c)
	if email.Values == nil {
		email.Values = map[string]string{}
		if u.EmailNotifications {
			email.Values["email_notifications"] = "true"
		}
	}
	if lang.Values == nil {
		lang.Values = map[string]string{"language": u.Language}
	}
	return pages.AccountView{Language: lang, Email: email, MailEnabled: h.store.MailEnabled()}
}

// renderAccountView renders the account page with v's forms; the rest it
// reads.
func (h *Handler) renderAccountView(c echo.Context, status int, v pages.AccountView) error {
	ctx := c.Request().Context()
	u := currentUser(c)
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
