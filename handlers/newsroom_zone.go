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

// newsroomName lets every page name the newsroom (the organization_name
// setting) in its masthead, title and footer: it puts in the request's
// context a name read from the settings cached per generation when a page
// first needs it, so that files and JSON answers never read them. Public
// pages take the name from the snapshot they are made from instead (see
// pageContext), as every setting they show.
func (h *Handler) newsroomName(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		c.SetRequest(c.Request().WithContext(views.WithNewsroom(ctx, func() string {
			st, err := h.settings(ctx)
			if err != nil {
				return "" // the page says views.ProductName
			}
			return st.OrganizationName
		})))
		return next(c)
	}
}
