package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
)

// sitemapSize is the most URLs one sitemap file holds (the protocol allows 50,000).
const sitemapSize = 40_000

const xmlType = "application/xml; charset=utf-8"

// sitemap lists every public page, or, when there are more fact-checks than
// one sitemap may hold, an index of numbered sitemaps.
func (h *Handler) sitemap(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "sitemap.xml", contentType: xmlType, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		n, err := h.store.CountPublic(ctx)
		if err != nil {
			return nil, err
		}
		if n > sitemapSize {
			var idx views.SitemapIndex
			for i := 0; int64(i*sitemapSize) < n; i++ {
				idx.Sitemaps = append(idx.Sitemaps, views.SitemapURL{Loc: h.absURL("/sitemaps/claims-" + strconv.Itoa(i+1) + ".xml")})
			}
			idx.Sitemaps = append(idx.Sitemaps, views.SitemapURL{Loc: h.absURL("/sitemaps/pages.xml")})
			return views.EncodeXML(idx)
		}
		set, err := h.sitemapPages(c)
		if err != nil {
			return nil, err
		}
		err = h.store.EachPublic(ctx, func(it models.PublicItem) error {
			set.URLs = append(set.URLs, views.SitemapURL{Loc: h.absURL("/claims/" + it.Slug), LastMod: views.DateIn(it.UpdatedAt, views.Zone(ctx))})
			return nil
		})
		if err != nil {
			return nil, err
		}
		return views.EncodeXML(set)
	}})
}

// sitemapPart is one numbered sitemap of a large site: the fact-checks, or
// with name "pages" the other public pages.
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
		var set views.URLSet
		i := 0
		first, last := (num-1)*sitemapSize, num*sitemapSize
		err = h.store.EachPublic(ctx, func(it models.PublicItem) error {
			if i >= first && i < last {
				set.URLs = append(set.URLs, views.SitemapURL{Loc: h.absURL("/claims/" + it.Slug), LastMod: views.DateIn(it.UpdatedAt, views.Zone(ctx))})
			}
			i++
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(set.URLs) == 0 {
			return nil, models.ErrNotFound
		}
		return views.EncodeXML(set)
	}})
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
