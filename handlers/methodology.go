package handlers

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// methodology explains the rating scale, the review rule and the
// corrections policy, all from the live settings.
func (h *Handler) methodology(c echo.Context) error {
	key := fmt.Sprintf("methodology?quorum=%d", h.store.ReviewQuorum())
	return h.servePublic(c, publicPage{key: key, contentType: echo.MIMETextHTMLCharsetUTF8, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		ratings, err := h.ratings(ctx)
		if err != nil {
			return nil, err
		}
		_, settings, err := h.organization(ctx)
		if err != nil {
			return nil, err
		}
		p := page(c, views.T(ctx, "public.methodology.title"))
		p.Canonical = h.absURL("/methodology")
		return renderBytes(c, pages.Methodology(p, ratings, h.store.ReviewQuorum(), settings))
	}})
}
