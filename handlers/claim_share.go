package handlers

import (
	"context"
	"image/color"
	"net/url"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/sharecard"
	"claimtracker/static"
	"claimtracker/views"
)

// shareImageType is the share image's content type.
const shareImageType = "image/png"

// claimShareImage is the share image of a public fact-check, the picture
// that link previews show (og:image on its page): the rating, the claim
// as said, the speaker and the newsroom, drawn by package sharecard. It is
// a public page like the others: kept in memory under the claim page's
// version (a new verdict, a correction, a new rating scale or newsroom
// name is a new version, and so a new image, on every instance), with its
// ETag and Cache-Control, and 404 for a claim that is not public.
func (h *Handler) claimShareImage(c echo.Context) error {
	return h.servePublic(c, h.sharePage(c.Param("slug")))
}

// sharePage is the share image of the claim with this slug. It has no
// words of the reader's language: the one word it may show (that a
// fact-check was retracted) is in the site's language.
func (h *Handler) sharePage(slug string) publicPage {
	return publicPage{key: "share:" + slug, claim: slug, contentType: shareImageType, anyone: true,
		build: func(c echo.Context) ([]byte, error) { return h.buildShareImage(c.Request().Context(), slug) }}
}

// shareImageURL is the absolute address of the share image of the claim
// slug, for the page being built under ctx: it carries the page's version
// (see pageVersionOf), so that sites which keep a preview's image by its
// address (most do) fetch the new one after a new verdict. The image is
// served at its current version whatever version is asked for.
func (h *Handler) shareImageURL(ctx context.Context, slug string) string {
	v, _ := pageVersionOf(ctx)
	return h.absURL("/claims/"+slug+"/share.png") + "?v=" + url.QueryEscape(v.Tag)
}

// buildShareImage draws the share image of the public claim slug, from
// the snapshot ctx reads.
func (h *Handler) buildShareImage(ctx context.Context, slug string) ([]byte, error) {
	claim, verdict, err := h.publicFactCheck(ctx, slug)
	if err != nil {
		return nil, err
	}
	st, err := h.settings(ctx)
	if err != nil {
		return nil, err
	}
	site := i18n.For(st.Language)
	pal := sitePalette()
	card := sharecard.Card{
		Label: verdict.RatingLabel, Colour: sharecard.Hex(static.RatingColour(verdict.RatingSlug)),
		Quote: claim.Text, Speaker: claim.Person.Name, Newsroom: st.OrganizationName,
		RTL: site.Dir() == "rtl", Palette: pal,
	}
	if !claim.Status.RatingStands() {
		// A retracted fact-check gives no rating, here as on its page.
		card.Label = views.T(i18n.WithLocale(ctx, site), "public.claim.retracted")
		card.Withdrawn, card.Colour = true, pal.Bad
	}
	res, err := sharecard.Draw(card)
	if err != nil {
		return nil, err
	}
	if len(res.Omitted) > 0 {
		h.log.InfoContext(ctx, "share image leaves out text its fonts cannot draw", "claim", slug, "fields", strings.Join(res.Omitted, ","))
	}
	return res.PNG, nil
}

// sitePalette is the site's colours, read from its stylesheet.
var sitePalette = sync.OnceValue(func() sharecard.Palette {
	c := func(name string) color.RGBA { return sharecard.Hex(static.Colour(name)) }
	return sharecard.Palette{Paper: c("paper"), Ink: c("ink"), Muted: c("ink-soft"), Brand: c("brand"), Bad: c("bad"), Line: c("line")}
})
