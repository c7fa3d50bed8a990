package handlers

import (
	"context"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
)

// atomType is the media type of Atom feeds.
const atomType = "application/atom+xml; charset=utf-8"

// feedAtom is the Atom feed of the latest published fact-checks.
func (h *Handler) feedAtom(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "feed.atom", contentType: atomType, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		items, _, err := h.store.PublicClaims(ctx, models.PublicQuery{PerPage: 50})
		if err != nil {
			return nil, err
		}
		org, _, err := h.organization(ctx)
		if err != nil {
			return nil, err
		}
		feed := h.atomFeed(ctx, org, views.T(ctx, "public.feed.factchecks"), "/feed.atom")
		for _, it := range items {
			url := h.absURL("/claims/" + it.Slug)
			e := views.AtomEntry{
				Language: it.Language,
				Title:    views.AtomText{Type: "text", Body: views.T(ctx, "public.feed.entry", "Rating", it.RatingLabel, "Headline", it.Headline)},
				ID:       url,
				Link:     views.AtomLink{Href: url},
				Updated:  views.AtomTime(it.UpdatedAt, org.Zone),
				Summary:  views.AtomText{Type: "text", Body: claimDescription(ctx, it.PersonName, it.Text, it.RatingLabel, true)},
				Category: []views.AtomCat{{Term: it.RatingSlug, Label: it.RatingLabel}},
			}
			if !it.Status.RatingStands() {
				// Retracted: the entry says so and names no rating.
				e.Title.Body = views.T(ctx, "public.feed.entry_retracted", "Headline", it.Headline)
				e.Summary.Body = claimDescription(ctx, it.PersonName, it.Text, it.RatingLabel, false)
				e.Category = []views.AtomCat{{Term: string(models.ClaimRetracted), Label: views.T(ctx, "public.card.retracted")}}
			}
			if it.PublishedAt != nil {
				e.Published = views.AtomTime(*it.PublishedAt, org.Zone)
			}
			feed.Entries = append(feed.Entries, e)
		}
		return views.EncodeXML(feed)
	}})
}

// atomFeed is the head of one of the site's feeds.
// Its updated time is the latest change to the site, as of the version
// being built.
func (h *Handler) atomFeed(ctx context.Context, org views.Organization, title, path string) views.AtomFeed {
	v, _ := pageVersionOf(ctx)
	updated := v.Modified
	if updated.IsZero() {
		updated = h.store.Now()
	}
	return views.AtomFeed{
		Lang:  i18n.From(ctx).Tag(),
		Title: views.T(ctx, "public.feed.title", "Org", org.Name, "Feed", title), ID: h.absURL(path), Updated: views.AtomTime(updated, org.Zone),
		Links:  []views.AtomLink{{Rel: "self", Type: "application/atom+xml", Href: h.absURL(path)}, {Rel: "alternate", Type: "text/html", Href: h.absURL("/")}},
		Author: views.AtomPerson{Name: org.Name, URI: org.URL},
	}
}
