package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// search finds published fact-checks. Any input is answered with a page:
// an over-long query gets 400 and a message, never an error page.
func (h *Handler) search(c echo.Context) error {
	q := c.QueryParam("q")
	n := pageParam(c)
	if len([]rune(q)) > models.MaxSearchQuery {
		ctx := c.Request().Context()
		p := page(c, views.T(ctx, "public.search.title"))
		p.Canonical = h.absURL("/search")
		p.Params = url.Values{"q": {q}}
		if n > 1 {
			p.Params.Set("page", strconv.Itoa(n))
		}
		view := pages.SearchView{Message: views.N(ctx, "public.search.too_long", models.MaxSearchQuery)}
		return render(c, http.StatusBadRequest, pages.Search(p, view))
	}
	vals := url.Values{"q": {q}}
	key := "search?" + vals.Encode() + "&page=" + strconv.Itoa(n)
	return h.servePublic(c, publicPage{key: key, contentType: echo.MIMETextHTMLCharsetUTF8, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		p := page(c, views.T(ctx, "public.search.title"))
		p.Canonical = h.absURL("/search")
		p.Params = url.Values{"q": {q}}
		if n > 1 {
			p.Params.Set("page", strconv.Itoa(n))
		}
		items, more, err := h.store.Search(ctx, q, n, 20)
		if errors.Is(err, models.ErrQueryTooLong) {
			items, more = nil, false
		} else if err != nil {
			return nil, err
		}
		view := pages.SearchView{Query: q, Items: items}
		view.Prev, view.Next = pagerLinks("/search", vals, n, more)
		if q != "" {
			p.Title = views.T(ctx, "public.search.title_query", "Query", q)
		}
		return renderBytes(c, pages.Search(p, view))
	}})
}
