package handlers

import (
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
)

// newsroomZone puts the newsroom's time zone (the time_zone setting, read
// from the settings cached per generation) in the request's context, so
// that every page, feed and export shows dates and times in it; the store
// keeps them in UTC. The health check, static files and the JSON APIs,
// whose times are RFC 3339 instants in UTC, skip it.
func (h *Handler) newsroomZone(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if p == "/healthz" || strings.HasPrefix(p, "/static/") || strings.HasPrefix(p, "/api/") {
			return next(c)
		}
		st, err := h.settings(c.Request().Context())
		if err != nil {
			return err
		}
		c.SetRequest(c.Request().WithContext(views.WithZone(c.Request().Context(), st.Location())))
		return next(c)
	}
}
