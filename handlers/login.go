package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// loginShow shows the sign-in form; a signed-in user goes straight on.
func (h *Handler) loginShow(c echo.Context) error {
	next := safeNext(c.QueryParam("next"), "/desk")
	if currentUser(c) != nil {
		return seeOther(c, next)
	}
	p := page(c, views.T(c.Request().Context(), "admin.login.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.Login(p, views.Form{}, next))
}

// loginSubmit checks the email and password, opens a new session and sets
// its cookie. A refusal shows the form again with one message that does not
// say which of the two was wrong; a throttled attempt (models.ErrThrottled)
// shows it with 429, Retry-After and when to try again.
func (h *Handler) loginSubmit(c echo.Context) error {
	f, err := parseForm(c, "email", "password", "next")
	if err != nil {
		return err
	}
	next := safeNext(f.Get("next"), "/desk")
	if f.Get("email") == "" {
		f.Errors["email"] = reasonText(c, models.ReasonRequired)
	}
	if f.Get("password") == "" {
		f.Errors["password"] = reasonText(c, models.ReasonRequired)
	}
	if len(f.Errors) > 0 {
		return render(c, http.StatusUnprocessableEntity, pages.Login(page(c, views.T(c.Request().Context(), "admin.login.title")), f, next))
	}
	// Any session the browser already had ends here: a new one is made at login.
	if ck, err := c.Cookie(h.cookieName); err == nil {
		_ = h.store.Logout(c.Request().Context(), meta(c), ck.Value)
	}
	token, _, err := h.store.Login(c.Request().Context(), meta(c), f.Get("email"), f.Get("password"))
	if sf, ok := errors.AsType[*models.SecondFactorRequired](err); ok {
		return h.askSecondFactor(c, sf, next) // login_totp.go
	}
	wait, _ := models.RetryAfter(err)
	switch {
	case errors.Is(err, models.ErrBadCredentials):
		h.clearSessionCookie(c)
		c.Set(keyUser, nil)
		f.Error = views.T(c.Request().Context(), "admin.login.wrong")
		return render(c, http.StatusUnauthorized, pages.Login(page(c, views.T(c.Request().Context(), "admin.login.title")), f, next))
	case errors.Is(err, models.ErrThrottled):
		// Too many failures for this account or from this address: the
		// password was not checked. The page says when to try again.
		h.clearSessionCookie(c)
		c.Set(keyUser, nil)
		setRetryAfter(c, wait)
		f.Error = views.T(c.Request().Context(), "admin.login.throttled", "Wait", views.ReasonText(c.Request().Context(), waitReason(wait)))
		return render(c, http.StatusTooManyRequests, pages.Login(page(c, views.T(c.Request().Context(), "admin.login.title")), f, next))
	case err != nil:
		return err // ErrBusy is a 503 with Retry-After (handleError)
	}
	h.setSessionCookie(c, token, h.store.SessionLifetime())
	return seeOther(c, next)
}
