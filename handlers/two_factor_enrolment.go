package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// enrolmentPath is where an admin who must set up two-factor sign-in is sent.
const enrolmentPath = "/account/two-factor"

// requireEnrolment keeps an admin who must set up two-factor sign-in (the
// site settings require it and they have not) to the set-up pages: a page
// request is sent there (303), anything else is refused (403). Signing out,
// static files, the health check and the token-authenticated API stay open.
func (h *Handler) requireEnrolment(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := currentUser(c)
		path := c.Request().URL.Path
		if u == nil || u.Role != models.RoleAdmin || enrolmentOpen(path) {
			return next(c)
		}
		// The settings are cached per generation: a signed-in admin's
		// request costs no query unless the site requires two-factor.
		st, err := h.settings(c.Request().Context())
		if err != nil {
			return err
		}
		if !st.RequireAdminTwoFactor {
			return next(c)
		}
		must, err := h.store.MustEnrolTwoFactor(c.Request().Context(), u)
		if err != nil {
			return err
		}
		if !must {
			return next(c)
		}
		if m := c.Request().Method; m == http.MethodGet || m == http.MethodHead {
			return seeOther(c, enrolmentPath)
		}
		return echo.NewHTTPError(http.StatusForbidden, models.NewReason("admin.error.enrol_first",
			"Set up two-factor sign-in first, at {{.Path}}: this site requires it for admins.", "Path", enrolmentPath))
	}
}

// enrolmentOpen lists what an admin who must enrol may still reach.
func enrolmentOpen(path string) bool {
	return path == enrolmentPath || strings.HasPrefix(path, enrolmentPath+"/") ||
		path == "/logout" || path == "/healthz" || strings.HasPrefix(path, "/static/") || strings.HasPrefix(path, "/api/")
}
