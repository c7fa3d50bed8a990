package handlers

import (
	"bytes"
	"net/http"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"claimtracker/views"
)

// render writes a templ component as the whole response, compressed when
// the client accepts it. It renders into a buffer first, so a failed render
// becomes a clean error page, never half a page.
func render(c echo.Context, status int, page templ.Component) error {
	var buf bytes.Buffer
	if err := page.Render(c.Request().Context(), &buf); err != nil {
		return err
	}
	// Public pages may be cached; signed-in pages carry names and must not be.
	c.Response().Header().Set("Cache-Control", cacheControlFor(c))
	varyCookie(c)
	return writeBody(c, status, echo.MIMETextHTMLCharsetUTF8, buf.Bytes(), nil)
}

// page returns the layout's view of this request.
func page(c echo.Context, title string) views.Page {
	return views.Page{Title: title, User: currentUser(c), Path: c.Request().URL.Path}
}

// seeOther redirects after a successful POST.
func seeOther(c echo.Context, to string) error {
	return c.Redirect(http.StatusSeeOther, to)
}
