package handlers

import "github.com/labstack/echo/v4"

// robots tells crawlers what to index and where the sitemap is.
func (h *Handler) robots(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	return c.String(200, "User-agent: *\nDisallow: /desk\nDisallow: /admin\nDisallow: /login\nDisallow: /setup\nDisallow: /api/\nAllow: /api/v1/public/\n\nSitemap: "+h.absURL("/sitemap.xml")+"\n")
}
