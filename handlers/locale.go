package handlers

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
)

// langCookie remembers the interface language a reader chose.
const langCookie = "lang"

// langCookieAge is how long a reader's choice of language is remembered.
const langCookieAge = 365 * 24 * time.Hour

// locale chooses the interface language of each request and puts its
// i18n.Locale in the request's context, first of:
//  1. ?lang=TAG, one of i18n.Languages: the language switcher's links.
//     It is remembered in the lang cookie, so later pages keep it;
//  2. the lang cookie: the reader's last choice in this browser (saving
//     Account → Language sets it too);
//  3. the signed-in user's own language (Account → Language), in a
//     browser where they have chosen none;
//  4. the Accept-Language header (RFC 9110 §12.5.4), on a first visit;
//  5. the site's language (Admin → Settings), English by default.
//
// A ?lang= that is not an interface language is ignored.
func (h *Handler) locale(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" {
			return next(c) // files and probes have no words
		}
		if q := r.URL.Query().Get("lang"); i18n.Supported(q) {
			if ck, err := r.Cookie(langCookie); err != nil || ck.Value != q {
				h.rememberLanguage(c, q)
			}
		}
		h.setLocale(c)
		return next(c)
	}
}

// setLocale chooses the request's interface language as locale describes
// and puts its i18n.Locale in the request's context, without remembering
// a ?lang= choice. The error handler calls it too, for a request that
// middleware refused before locale ran (a body too large, a form sent
// from another site), so that every error page speaks the reader's
// language.
func (h *Handler) setLocale(c echo.Context) {
	r := c.Request()
	tag := ""
	if q := r.URL.Query().Get("lang"); i18n.Supported(q) {
		tag = q
	}
	if ck, err := r.Cookie(langCookie); tag == "" && err == nil && i18n.Supported(ck.Value) {
		tag = ck.Value
	}
	if u := currentUser(c); tag == "" && u != nil && i18n.Supported(u.Language) {
		tag = u.Language
	}
	if tag == "" {
		tag = i18n.Match(r.Header.Get("Accept-Language"))
	}
	if tag == "" {
		// Settings that cannot be read (the database is down) leave
		// English: /healthz and error pages still answer.
		if st, err := h.settings(r.Context()); err == nil {
			tag = st.Language
		}
	}
	c.Set(keyLocale, true)
	c.SetRequest(r.WithContext(i18n.WithLocale(r.Context(), i18n.For(tag))))
}

// localeChosen reports whether setLocale has run for c.
func localeChosen(c echo.Context) bool {
	ok, _ := c.Get(keyLocale).(bool)
	return ok
}

// rememberLanguage sets the lang cookie to tag, an interface language, or
// clears it when tag is "". No shared cache may keep the answer that
// carries it, whatever the route says of itself.
func (h *Handler) rememberLanguage(c echo.Context, tag string) {
	ck := &http.Cookie{Name: langCookie, Value: tag, Path: "/", MaxAge: int(langCookieAge / time.Second),
		HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteLaxMode}
	if tag == "" {
		ck.MaxAge = -1
	}
	c.SetCookie(ck)
	res := c.Response()
	res.Before(func() {
		if cc := res.Header().Get("Cache-Control"); strings.Contains(cc, "public") {
			res.Header().Set("Cache-Control", strings.Replace(cc, "public", "private", 1))
		}
	})
}

// localeOf is the locale that locale chose for c.
func localeOf(c echo.Context) *i18n.Locale { return i18n.From(c.Request().Context()) }
