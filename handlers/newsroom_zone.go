package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views"
)

// newsroomZone puts the newsroom's time zone (the time_zone setting, read
// from the settings cached per generation) in the request's context, so
// that every page, feed and export shows dates and times in it; the store
// keeps them in UTC. It runs on the account pages, the desk and
// administration (see routes); every public page and document is made in
// servePublic under its own snapshot's zone, and the JSON APIs give RFC 3339
// instants in UTC.
func (h *Handler) newsroomZone(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		st, err := h.settings(c.Request().Context())
		if err != nil {
			return err
		}
		c.SetRequest(c.Request().WithContext(views.WithZone(c.Request().Context(), st.Location())))
		return next(c)
	}
}
