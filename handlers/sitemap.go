package handlers

import (
	"context"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
)

// sitemapSize is the span of claim ids one sitemap part covers, and so
// the most fact-checks it lists. The protocol allows 50,000 URLs; a part
// of 2,000 is read and encoded in a few milliseconds (encoding/xml costs
// about 1.3 µs a URL), and since parts are spans of ids, a change to a
// fact-check changes one part only.
const sitemapSize = 2_000

const xmlType = "application/xml; charset=utf-8"

// sitemap lists every public page, or, when the fact-checks span more than
// one sitemap part (see models.PublicSitemapParts), an index of the parts
// that hold any and of the other pages.
func (h *Handler) sitemap(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "sitemap.xml", contentType: xmlType, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		parts, err := h.store.PublicSitemapParts(ctx, sitemapSize)
		if err != nil {
			return nil, err
		}
		if len(parts) > 1 || len(parts) == 1 && parts[0] != 1 {
			var idx views.SitemapIndex
			for _, k := range parts {
				idx.Sitemaps = append(idx.Sitemaps, views.SitemapURL{Loc: h.absURL("/sitemaps/claims-" + strconv.Itoa(k) + ".xml")})
			}
			idx.Sitemaps = append(idx.Sitemaps, views.SitemapURL{Loc: h.absURL("/sitemaps/pages.xml")})
			return views.EncodeXML(idx)
		}
		set, err := h.sitemapPages(c)
		if err != nil {
			return nil, err
		}
		links, err := h.store.PublicLinks(ctx, 1, sitemapSize)
		if err != nil {
			return nil, err
		}
		set.URLs = append(set.URLs, h.sitemapClaims(ctx, links)...)
		return views.EncodeXML(set)
	}})
}

// sitemapPart is one numbered sitemap of a large site: the fact-checks of
// one part, or with name "pages" the other public pages.
func (h *Handler) sitemapPart(c echo.Context) error {
	name := c.Param("name")
	return h.servePublic(c, publicPage{key: "sitemaps/" + name, contentType: xmlType, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		if name == "pages.xml" {
			set, err := h.sitemapPages(c)
			if err != nil {
				return nil, err
			}
			return views.EncodeXML(set)
		}
		if len(name) < len("claims-1.xml") || name[:7] != "claims-" || name[len(name)-4:] != ".xml" {
			return nil, models.ErrNotFound
		}
		num, err := strconv.Atoi(name[7 : len(name)-4])
		if err != nil || num < 1 {
			return nil, models.ErrNotFound
		}
		links, err := h.store.PublicLinks(ctx, num, sitemapSize)
		if err != nil {
			return nil, err
		}
		if len(links) == 0 {
			return nil, models.ErrNotFound
		}
		return views.EncodeXML(views.URLSet{URLs: h.sitemapClaims(ctx, links)})
	}})
}

// sitemapClaims are the sitemap entries of fact-checks.
// Their last change is given as a day in the newsroom's time zone.
func (h *Handler) sitemapClaims(ctx context.Context, links []models.PublicLink) []views.SitemapURL {
	out := make([]views.SitemapURL, 0, len(links))
	for _, l := range links {
		out = append(out, views.SitemapURL{Loc: h.absURL("/claims/" + l.Slug), LastMod: views.DateIn(l.UpdatedAt, views.Zone(ctx))})
	}
	return out
}

// sitemapPages lists the public pages that are not fact-checks.
func (h *Handler) sitemapPages(c echo.Context) (views.URLSet, error) {
	set := views.URLSet{URLs: []views.SitemapURL{{Loc: h.absURL("/")}, {Loc: h.absURL("/methodology")}, {Loc: h.absURL("/people")}}}
	people, err := h.store.PublicPeople(c.Request().Context())
	if err != nil {
		return set, err
	}
	for _, p := range people {
		set.URLs = append(set.URLs, views.SitemapURL{Loc: h.absURL("/people/" + p.Slug)})
	}
	return set, nil
}
