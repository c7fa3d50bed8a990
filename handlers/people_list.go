package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// peopleList lists the speakers with public fact-checks.
func (h *Handler) peopleList(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "people", contentType: echo.MIMETextHTMLCharsetUTF8, build: func(c echo.Context) ([]byte, error) {
		people, err := h.store.PublicPeople(c.Request().Context())
		if err != nil {
			return nil, err
		}
		p := page(c, views.T(c.Request().Context(), "public.people.title"))
		p.Canonical = h.absURL("/people")
		return renderBytes(c, pages.People(p, people))
	}})
}
