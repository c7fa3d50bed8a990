package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// personShow is a speaker's public page: who they are, a scorecard and
// their fact-checks. Speakers with no public fact-check do not exist here.
// A former address of a speaker (before a rename, or of a speaker merged
// into them) answers 301 with the current one (RFC 9110 §15.4.2), so that
// links and search engines move to it.
func (h *Handler) personShow(c echo.Context) error {
	slug := c.Param("slug")
	n := pageParam(c)
	key := fmt.Sprintf("person:%s?page=%d", slug, n)
	err := h.servePublic(c, publicPage{key: key, contentType: echo.MIMETextHTMLCharsetUTF8, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		person, err := h.store.PublicPersonBySlug(ctx, slug)
		if err != nil {
			return nil, err
		}
		card, err := h.store.Scorecard(ctx, person.ID)
		if err != nil {
			return nil, err
		}
		q := models.PublicQuery{Person: slug, Page: n, PerPage: 20}
		items, more, err := h.store.PublicClaims(ctx, q)
		if err != nil {
			return nil, err
		}
		view := pages.PersonView{Person: person, Scorecard: card, Items: items}
		view.Prev, view.Next = pagerLinks("/people/"+slug, nil, n, more)
		p := page(c, person.Name)
		p.Canonical = h.absURL("/people/" + slug)
		p.Description = views.T(ctx, "public.person.description", "Name", person.Name)
		org, _, err := h.organization(ctx)
		if err != nil {
			return nil, err
		}
		p.Meta = views.SocialMeta("profile", person.Name, p.Description, p.Canonical, org.Name)
		return renderBytes(c, pages.Person(p, view))
	}})
	if !errors.Is(err, models.ErrNotFound) {
		return err
	}
	to, rerr := h.store.PersonRedirect(c.Request().Context(), slug)
	if rerr != nil {
		if errors.Is(rerr, models.ErrNotFound) {
			return err
		}
		return rerr
	}
	target := "/people/" + url.PathEscape(to)
	if n > 1 {
		target += "?page=" + strconv.Itoa(n)
	}
	// Revalidated before reuse: a speaker renamed back takes a former
	// address back, which must then stop redirecting.
	c.Response().Header()["Cache-Control"] = publicNoCache
	return c.Redirect(http.StatusMovedPermanently, target)
}
