package handlers

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/components"
)

// correctionsAtom is the Atom feed of corrections to public fact-checks.
// Each note is given as HTML (views.CorrectionNote: an author's Markdown by
// the one Markdown policy, the server's own sentence in the feed's
// interface language) in an Atom text construct of type "html" (RFC 4287
// section 3.1.1.2).
func (h *Handler) correctionsAtom(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "corrections.atom", contentType: atomType, build: func(c echo.Context) ([]byte, error) {
		ctx := c.Request().Context()
		items, err := h.store.LatestCorrections(ctx, 50)
		if err != nil {
			return nil, err
		}
		org, _, err := h.organization(ctx)
		if err != nil {
			return nil, err
		}
		feed := h.atomFeed(ctx, org, views.T(ctx, "public.feed.corrections"), "/corrections.atom")
		for _, k := range items {
			url := h.absURL("/claims/" + k.ClaimSlug)
			var note strings.Builder
			if err := views.CorrectionNote(ctx, &k.Correction).Render(ctx, &note); err != nil {
				return nil, err
			}
			feed.Entries = append(feed.Entries, views.AtomEntry{
				Title:     views.AtomText{Type: "text", Body: views.T(ctx, "public.feed.correction_entry", "Kind", components.CorrectionKindLabel(ctx, k.Kind), "Claim", k.ClaimSummary)},
				ID:        url + "#correction-" + strconv.FormatUint(uint64(k.ID), 10),
				Link:      views.AtomLink{Href: url},
				Published: views.AtomTime(k.CreatedAt, org.Zone),
				Updated:   views.AtomTime(k.CreatedAt, org.Zone),
				Summary:   views.AtomText{Type: "html", Body: note.String()},
				Category:  []views.AtomCat{{Term: string(k.Kind)}},
			})
		}
		return views.EncodeXML(feed)
	}})
}
