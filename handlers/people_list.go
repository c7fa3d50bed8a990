package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// peopleList lists the speakers with public fact-checks.
func (h *Handler) peopleList(c echo.Context) error {
	ctx := c.Request().Context()
	v, err := h.siteVersion(ctx)
	if err != nil {
		return err
	}
	return h.servePublic(c, "people", v, echo.MIMETextHTMLCharsetUTF8, func() ([]byte, error) {
		people, err := h.store.PublicPeople(ctx)
		if err != nil {
			return nil, err
		}
		p := page(c, "People")
		p.Canonical = h.absURL("/people")
		return renderBytes(c, pages.People(p, people))
	})
}
