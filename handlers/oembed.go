package handlers

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/sharecard"
)

// The embeddable card's size in an oEmbed answer, in CSS pixels: its
// width when the consumer allows it, the least width and height it is
// offered at, and its height at full width and when narrower (the quote
// then takes more lines).
const (
	embedWidth        = 550
	embedMinWidth     = 280
	embedHeight       = 400
	embedNarrowHeight = 500
	embedNarrowBelow  = 440
	embedMinHeight    = 240
)

// oembedResponse is an oEmbed answer of type rich (https://oembed.com/
// §2.3.4.4): the card in an iframe, with the share image as its thumbnail
// unless the consumer's maxwidth or maxheight is smaller than the image
// (§2.3.4: a thumbnail must respect them; the image has one size).
type oembedResponse struct {
	Type            string `json:"type"`
	Version         string `json:"version"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
}

// oembedURL is the address of the oEmbed answer for the page at
// pageURL, which a page's head advertises.
func (h *Handler) oembedURL(pageURL string) string {
	return h.absURL("/oembed") + "?" + url.Values{"url": {pageURL}, "format": {"json"}}.Encode()
}

// oembed answers GET /oembed?url=…&maxwidth=…&maxheight=…&format=json
// (https://oembed.com/ §2.2) for a public fact-check's page on this site:
// its embeddable card (/claims/{slug}/embed) in an iframe. A url that is
// not a public fact-check's page here gets 404, and format=xml 501 (only
// JSON is offered), as the spec's §2.4 says; a missing url, or a maxwidth
// or maxheight that is not a whole number from 1, gets 422 naming it; a
// maxwidth or maxheight too small for the card gets 404 (the spec's "no
// response for the url"). A url with ?lang=xx, an interface language,
// gives a card in that language; otherwise the card speaks its reader's.
// Any site may read the answer (CORS), and it is cached like other
// public documents, under the claim page's version.
func (h *Handler) oembed(c echo.Context) error {
	publicCORS(c)
	if f := c.QueryParam("format"); f != "" && f != "json" {
		return echo.NewHTTPError(http.StatusNotImplemented, models.NewReason("admin.error.oembed_format", "Only format=json is offered."))
	}
	var v models.Validator
	raw := c.QueryParam("url")
	v.Check(raw != "", "url", models.ReasonRequired)
	dim := func(name string) int {
		s := c.QueryParam(name)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		v.Check(err == nil && n >= 1, name, models.ReasonNumberFrom(1))
		return n
	}
	maxW, maxH := dim("maxwidth"), dim("maxheight")
	if err := v.Err(); err != nil {
		return err
	}
	slug, lang, ok := h.claimPageOf(raw)
	if !ok {
		return models.ErrNotFound
	}
	width := embedWidth
	if maxW > 0 {
		width = min(width, maxW)
	}
	height := embedHeight
	if width < embedNarrowBelow {
		height = embedNarrowHeight
	}
	if maxH > 0 {
		height = min(height, maxH)
	}
	if width < embedMinWidth || height < embedMinHeight {
		return models.ErrNotFound
	}
	thumb := (maxW == 0 || maxW >= sharecard.Width) && (maxH == 0 || maxH >= sharecard.Height)
	key := "oembed:" + slug + "|" + strconv.Itoa(width) + "x" + strconv.Itoa(height) + "|" + lang + "|" + strconv.FormatBool(thumb)
	return h.servePublic(c, publicPage{key: key, claim: slug, contentType: echo.MIMEApplicationJSON, anyone: true,
		build: func(c echo.Context) ([]byte, error) { return h.buildOEmbed(c, slug, lang, width, height, thumb) }})
}

// claimPageOf reads a fact-check page's address on this site: its slug,
// and the interface language its ?lang= names ("" when none); ok is
// false for any other address.
func (h *Handler) claimPageOf(raw string) (slug, lang string, ok bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, h.baseURL.Host) {
		return "", "", false
	}
	slug, ok = strings.CutPrefix(u.Path, "/claims/")
	if !ok || slug == "" || strings.Contains(slug, "/") {
		return "", "", false
	}
	if l := u.Query().Get("lang"); i18n.Supported(l) {
		lang = l
	}
	return slug, lang, true
}

// buildOEmbed writes the oEmbed answer for the public claim slug: the
// card at width×height, in lang when set, with the share image as its
// thumbnail when thumb.
func (h *Handler) buildOEmbed(c echo.Context, slug, lang string, width, height int, thumb bool) ([]byte, error) {
	ctx := c.Request().Context()
	claim, verdict, err := h.publicFactCheck(ctx, slug)
	if err != nil {
		return nil, err
	}
	st, err := h.settings(ctx)
	if err != nil {
		return nil, err
	}
	src := h.absURL("/claims/" + claim.Slug + "/embed")
	if lang != "" {
		src += "?lang=" + lang
	}
	frame := `<iframe src="` + html.EscapeString(src) + `" width="` + strconv.Itoa(width) + `" height="` + strconv.Itoa(height) +
		`" title="` + html.EscapeString(verdict.Headline) + `" loading="lazy" style="border:0;max-width:100%"></iframe>`
	res := oembedResponse{
		Type: "rich", Version: "1.0", Title: verdict.Headline,
		ProviderName: st.OrganizationName, ProviderURL: h.absURL("/"),
		HTML: frame, Width: width, Height: height,
	}
	if thumb {
		res.ThumbnailURL, res.ThumbnailWidth, res.ThumbnailHeight = h.shareImageURL(ctx, claim.Slug), sharecard.Width, sharecard.Height
	}
	return json.Marshal(res)
}
