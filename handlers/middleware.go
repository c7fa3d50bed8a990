package handlers

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
)

// Context keys; values are read back only through the typed helpers below.
const (
	keyUser      = "claimtracker.user"
	keyRequestID = "claimtracker.request_id"
	keyLocale    = "claimtracker.locale_chosen"
)

// currentUser returns the signed-in user or API token's user, or nil.
func currentUser(c echo.Context) *models.User {
	u, ok := c.Get(keyUser).(*models.User)
	if !ok {
		return nil
	}
	return u
}

// requestIDOf returns the request's id.
func requestIDOf(c echo.Context) string {
	id, _ := c.Get(keyRequestID).(string)
	return id
}

// meta describes the request for the audit log and sessions. The
// User-Agent is scrubbed (input.Scrub): it is stored and shown.
func meta(c echo.Context) models.Meta {
	return models.Meta{IP: c.RealIP(), RequestID: requestIDOf(c), UserAgent: input.Scrub(c.Request().UserAgent())}
}

// requestID gives every request a fresh random id, in the X-Request-Id
// response header and in every log line. A client-sent id is not trusted.
// The id names a request and guards nothing, so it comes from the
// runtime's fast generator rather than the system's secure one.
func (h *Handler) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], mrand.Uint64())
		id := hex.EncodeToString(b[:])
		c.Set(keyRequestID, id)
		c.Response().Header()[echo.HeaderXRequestID] = []string{id}
		return next(c)
	}
}

// accessLog writes one structured line per request. The record is made
// here rather than by Logger.LogAttrs, which would also look up its
// caller's source line on every request for a field no handler prints.
func (h *Handler) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			// Let the error handler write the response now, so the status is logged.
			c.Error(err)
		}
		ctx := c.Request().Context()
		lh := h.log.Handler()
		if !lh.Enabled(ctx, slog.LevelInfo) {
			return nil
		}
		res := c.Response()
		rec := slog.NewRecord(time.Now(), slog.LevelInfo, "request", 0)
		rec.AddAttrs(
			slog.String("request_id", requestIDOf(c)),
			slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path),
			slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size),
			slog.Float64("ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("ip", c.RealIP()),
		)
		if u := currentUser(c); u != nil {
			rec.AddAttrs(slog.Uint64("user_id", uint64(u.ID)))
		}
		_ = lh.Handle(ctx, rec)
		return nil
	}
}

// csp allows only the site's own resources: no inline script or style, no
// plugins, no framing (but of the embeddable card: see frameable), no
// <base> rewriting, forms post only to the site.
const csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders sets the headers every response carries.
func (h *Handler) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		for _, sh := range securityHeaderValues {
			hd[sh.name] = sh.value
		}
		if h.secure {
			hd["Strict-Transport-Security"] = hstsValue
		}
		return next(c)
	}
}

// securityHeaderValues are the headers securityHeaders sets, by canonical
// name, so that they go into the header map as they are; every response
// shares the values, which nothing changes in place (Header.Add appends to
// a full slice, which copies it).
var securityHeaderValues = []struct {
	name  string
	value []string
}{
	{"Content-Security-Policy", []string{csp}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
	{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=(), interest-cohort=()"}},
}

// hstsValue is Strict-Transport-Security for a site served over https.
var hstsValue = []string{"max-age=63072000; includeSubDomains"}

// limitBody refuses bodies over MaxBodyBytes, or over the larger limit of
// a route that takes files (bodyLimit): at once when Content-Length says
// so, or while reading when it does not, so that no more than the limit is
// ever read.
func (h *Handler) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		limit := h.bodyLimit(c)
		if r.ContentLength > limit {
			if limit > MaxBodyBytes {
				return h.tooLarge()
			}
			return errTooLarge
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(c.Response(), r.Body, limit)
		}
		return next(c)
	}
}

var errTooLarge = echo.NewHTTPError(http.StatusRequestEntityTooLarge, reasonBodyTooLarge)

// crossOriginCheck refuses state-changing requests that a browser sent from
// another site (by Sec-Fetch-Site or Origin), which stops cross-site request
// forgery of every form, login included. GET and HEAD never change state.
func (h *Handler) crossOriginCheck(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := h.cop.Check(c.Request()); err != nil {
			return echo.NewHTTPError(http.StatusForbidden, models.NewReason("admin.error.cross_site", "This form was sent from another site and was refused."))
		}
		return next(c)
	}
}

// loadSession finds the signed-in user from the session cookie.
func (h *Handler) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie(h.cookieName)
		if err != nil || ck.Value == "" {
			return next(c)
		}
		u, err := h.store.SessionUser(c.Request().Context(), ck.Value)
		switch {
		case errors.Is(err, models.ErrUnauthenticated):
			h.clearSessionCookie(c)
		case err != nil:
			return err
		default:
			c.Set(keyUser, u)
		}
		return next(c)
	}
}

// requireRole lets through users holding at least min. Anonymous visitors
// are sent to the login page, and come back after it when they asked for a
// page; signed-in users without the role get 403.
func (h *Handler) requireRole(min models.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			if u == nil {
				to := "/login"
				if c.Request().Method == http.MethodGet {
					to += "?next=" + url.QueryEscape(c.Request().URL.RequestURI())
				}
				return c.Redirect(http.StatusSeeOther, to)
			}
			if !u.Can(min) {
				return models.ErrForbidden
			}
			return next(c)
		}
	}
}

// requireToken authenticates API requests by their bearer token.
func (h *Handler) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		auth := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, tok, ok := strings.Cut(auth, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
			return models.ErrUnauthenticated
		}
		u, err := h.store.TokenUser(c.Request().Context(), strings.TrimSpace(tok))
		if err != nil {
			return err
		}
		c.Set(keyUser, u)
		return next(c)
	}
}

func (h *Handler) setSessionCookie(c echo.Context, token string, maxAge time.Duration) {
	c.SetCookie(&http.Cookie{
		Name: h.cookieName, Value: token, Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(maxAge.Seconds()),
	})
}

func (h *Handler) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{
		Name: h.cookieName, Value: "", Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
}

// frameAnyCSP is csp with framing by any site allowed (frame-ancestors *,
// which matches every http and https page): the rest stays as strict.
var frameAnyCSP = []string{strings.Replace(csp, "frame-ancestors 'none'", "frame-ancestors *", 1)}

// frameable lets any site show the route's answers in a frame: it
// replaces the CSP of securityHeaders with frameAnyCSP and drops
// X-Frame-Options (whose DENY browsers would obey too). It is for the
// embeddable claim card only; every other answer may not be framed, so
// that no other page of the site can be overlaid to trick a click
// (clickjacking). Errors on the route (a 404 card) may be framed too: they
// act on nothing.
func frameable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd["Content-Security-Policy"] = frameAnyCSP
		delete(hd, "X-Frame-Options")
		return next(c)
	}
}
