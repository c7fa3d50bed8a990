package handlers

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// home is the public front page: the latest fact-checks, filtered by
// rating, person, tag or language, a page at a time. A ?language= that is
// not a language tag is a 400: the page's own filter never sends one, so
// the address is wrong, and neither the page cache nor a search engine
// should keep a page for it.
func (h *Handler) home(c echo.Context) error {
	lang, err := models.CanonicalLanguage(c.QueryParam("language"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, i18n.From(c.Request().Context()).T("content.home.bad_language"))
	}
	q := models.PublicQuery{Rating: c.QueryParam("rating"), Person: c.QueryParam("person"), Tag: c.QueryParam("tag"), Language: lang,
		Page: pageParam(c), PerPage: 20}
	key := "home?" + listQuery(q, q.Page).Encode()
	return h.servePublic(c, publicPage{key: key, contentType: echo.MIMETextHTMLCharsetUTF8, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		items, more, err := h.store.PublicClaims(ctx, q)
		if err != nil {
			return nil, err
		}
		ratings, err := h.ratings(ctx)
		if err != nil {
			return nil, err
		}
		people, err := h.store.PublicPeople(ctx)
		if err != nil {
			return nil, err
		}
		languages, err := h.store.PublicLanguages(ctx)
		if err != nil {
			return nil, err
		}
		view := pages.HomeView{Items: items, Ratings: ratings, People: people, Languages: languages, Query: q}
		if q.Person != "" && len(items) > 0 {
			view.PersonName = items[0].PersonName
		}
		view.Prev, view.Next = pagerLinks("/", listQuery(q, 0), q.Page, more)
		p := page(c, "")
		p.Params = listQuery(q, q.Page)
		p.Description = views.T(ctx, "public.home.description")
		p.Canonical = h.absURL("/")
		p.Feeds = []views.Feed{{Title: views.T(ctx, "public.feed.factchecks"), URL: "/feed.atom"}, {Title: views.T(ctx, "public.feed.corrections"), URL: "/corrections.atom"}}
		org, _, err := h.organization(ctx)
		if err != nil {
			return nil, err
		}
		p.Meta = views.SocialMeta("website", views.T(ctx, "public.home.social_title", "Org", org.Name), p.Description, p.Canonical, org.Name)
		return renderBytes(c, pages.Home(p, view))
	}})
}

// pageParam reads ?page=, 1 when absent or not a positive number.
func pageParam(c echo.Context) int {
	n, err := strconv.Atoi(c.QueryParam("page"))
	if err != nil || n < 1 || n > 10000 {
		return 1
	}
	return n
}

// listQuery is a list's filters as URL values, with the page when above 1.
func listQuery(q models.PublicQuery, page int) url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"rating": q.Rating, "person": q.Person, "tag": q.Tag, "language": q.Language} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v
}

// pagerLinks are the links to the pages before and after page.
func pagerLinks(path string, v url.Values, page int, more bool) (prev, next string) {
	link := func(n int) string {
		w := url.Values{}
		for k, x := range v {
			w[k] = x
		}
		w.Del("page")
		if n > 1 {
			w.Set("page", strconv.Itoa(n))
		}
		if len(w) == 0 {
			return path
		}
		return path + "?" + w.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if more {
		next = link(page + 1)
	}
	return prev, next
}
