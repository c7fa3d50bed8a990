package handlers

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// The second step of signing in, for accounts with two-factor sign-in. The
// first step (login.go) found the password right and the store opened a
// pending sign-in, not a session; its token lives in a cookie of its own
// until the code is right.

// pendingCookieName is the cookie of a pending sign-in.
func (h *Handler) pendingCookieName() string {
	if h.secure {
		return "__Host-claimtracker_pending"
	}
	return "claimtracker_pending"
}

// askSecondFactor keeps the pending sign-in in its cookie and sends the
// browser to the code form.
func (h *Handler) askSecondFactor(c echo.Context, sf *models.SecondFactorRequired, next string) error {
	c.SetCookie(&http.Cookie{
		Name: h.pendingCookieName(), Value: sf.Token, Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(models.PendingLoginLifetime.Seconds()),
	})
	return seeOther(c, "/login/code?next="+url.QueryEscape(next))
}

func (h *Handler) clearPendingCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{
		Name: h.pendingCookieName(), Value: "", Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
}

func (h *Handler) pendingToken(c echo.Context) string {
	ck, err := c.Cookie(h.pendingCookieName())
	if err != nil {
		return ""
	}
	return ck.Value
}

// loginCodeShow shows the code form of a pending sign-in. Without one, or
// when it has ended, the browser goes back to the password form.
func (h *Handler) loginCodeShow(c echo.Context) error {
	next := safeNext(c.QueryParam("next"), "/desk")
	if currentUser(c) != nil {
		return seeOther(c, next)
	}
	_, err := h.store.PendingLoginUser(c.Request().Context(), h.pendingToken(c))
	if errors.Is(err, models.ErrUnauthenticated) {
		h.clearPendingCookie(c)
		return seeOther(c, "/login?next="+url.QueryEscape(next))
	}
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.LoginCode(page(c, views.T(c.Request().Context(), "admin.login_code.title")), views.Form{}, next))
}

// loginCodeSubmit checks the code and, when it is right, opens the session.
// A wrong code shows the form again with the tries left (401); the last
// wrong one, or a pending sign-in that has expired, ends it and shows the
// password form again (401).
func (h *Handler) loginCodeSubmit(c echo.Context) error {
	f, err := parseForm(c, "code", "next")
	if err != nil {
		return err
	}
	next := safeNext(f.Get("next"), "/desk")
	if f.Get("code") == "" {
		f.Errors["code"] = reasonText(c, models.ReasonRequired)
		return render(c, http.StatusUnprocessableEntity, pages.LoginCode(page(c, views.T(c.Request().Context(), "admin.login_code.title")), f, next))
	}
	token, _, err := h.store.LoginSecondFactor(c.Request().Context(), meta(c), h.pendingToken(c), f.Get("code"))
	var wrong *models.WrongCodeError
	switch {
	case errors.As(err, &wrong) && wrong.Left > 0:
		f.Errors["code"] = reasonText(c, models.NewCountReason("reasons.code_tries_left", wrong.Left,
			"is not right. {{.Count}} try left.", "is not right. {{.Count}} tries left."))
		return render(c, http.StatusUnauthorized, pages.LoginCode(page(c, views.T(c.Request().Context(), "admin.login_code.title")), f, next))
	case errors.As(err, &wrong), errors.Is(err, models.ErrUnauthenticated):
		h.clearPendingCookie(c)
		lf := views.Form{Error: views.T(c.Request().Context(), "admin.login_code.ended")}
		if wrong != nil {
			lf.Error = views.T(c.Request().Context(), "admin.login_code.too_many")
		}
		return render(c, http.StatusUnauthorized, pages.Login(page(c, views.T(c.Request().Context(), "admin.login.title")), lf, next))
	case err != nil:
		return err
	}
	h.clearPendingCookie(c)
	h.setSessionCookie(c, token, h.store.SessionLifetime())
	return seeOther(c, next)
}
