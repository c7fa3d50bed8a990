package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// claimEmbed is a public fact-check as a small card that publishers show
// in an iframe on their own pages (see pages.ClaimEmbed), in the reader's
// language. It is the one route other sites may frame (see frameable).
// Like the claim page it is kept under the claim page's version, and 404
// for a claim that is not public.
func (h *Handler) claimEmbed(c echo.Context) error {
	slug := c.Param("slug")
	return h.servePublic(c, publicPage{key: "embed:" + slug, claim: slug, contentType: echo.MIMETextHTMLCharsetUTF8, anyone: true,
		build: func(c echo.Context) ([]byte, error) { return h.buildClaimEmbed(c, slug) }})
}

// buildClaimEmbed renders the embeddable card of the public claim slug.
func (h *Handler) buildClaimEmbed(c echo.Context, slug string) ([]byte, error) {
	ctx := c.Request().Context()
	claim, verdict, err := h.publicFactCheck(ctx, slug)
	if err != nil {
		return nil, err
	}
	st, err := h.settings(ctx)
	if err != nil {
		return nil, err
	}
	return renderBytes(c, pages.ClaimEmbed(pages.EmbedView{Claim: claim, Verdict: verdict, OrgName: st.OrganizationName, URL: h.absURL("/claims/" + claim.Slug)}))
}
