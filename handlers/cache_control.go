package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// privatePath reports whether answers under path carry an account's data
// or act on a session, so that no cache may keep them: the API but its
// public part, the desk, the admin pages, account pages, sign-in and its
// second step, sign-out, password reset links and first-run setup. Errors
// on those paths included.
func privatePath(path string) bool {
	under := func(prefix string) bool { return path == prefix || strings.HasPrefix(path, prefix+"/") }
	switch {
	case under("/api"):
		return !strings.HasPrefix(path, "/api/v1/public/")
	case under("/desk"), under("/admin"), under("/account"), under("/login"), path == "/logout", path == "/setup", path == "/reset":
		return true
	}
	return false
}

// noStore marks every answer on a private path Cache-Control: no-store
// before the handler runs, so that redirects and errors carry it too;
// render keeps it.
func (h *Handler) noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if privatePath(c.Request().URL.Path) {
			c.Response().Header().Set("Cache-Control", "no-store")
		}
		return next(c)
	}
}

// varyCookie says that the answer depends on the session cookie: every
// page shows who is signed in, and public pages are cached only for readers
// who are not.
func varyCookie(c echo.Context) { addVary(c.Response().Header(), echo.HeaderCookie) }

// addVary adds name to the response's one Vary header, once.
func addVary(h http.Header, name string) {
	cur := h[echo.HeaderVary]
	if len(cur) == 0 {
		h[echo.HeaderVary] = []string{name}
		return
	}
	for rest := cur[0]; rest != ""; {
		var v string
		v, rest, _ = strings.Cut(rest, ",")
		if strings.EqualFold(strings.TrimSpace(v), name) {
			return
		}
	}
	h[echo.HeaderVary] = []string{cur[0] + ", " + name}
}

// cacheControlFor is the Cache-Control of a rendered page: no-store when
// the path is private or someone is signed in (the page names them),
// no-cache (revalidate first) otherwise.
func cacheControlFor(c echo.Context) string {
	if c.Response().Header().Get("Cache-Control") == "no-store" || currentUser(c) != nil {
		return "no-store"
	}
	return "no-cache"
}
