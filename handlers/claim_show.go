package handlers

import (
	"context"
	"fmt"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/sharecard"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// claimShow is the public page of a published or retracted fact-check, with
// its ClaimReview. Drafts and claims in review do not exist here.
func (h *Handler) claimShow(c echo.Context) error {
	return h.servePublic(c, h.claimPage(c.Param("slug")))
}

// claimPage is the public page of the claim with this slug.
func (h *Handler) claimPage(slug string) publicPage {
	return publicPage{key: claimKey(slug), claim: slug, contentType: echo.MIMETextHTMLCharsetUTF8,
		build: func(c echo.Context) ([]byte, error) { return h.buildClaimPage(c, slug) }}
}

// claimKey is the cache key of a claim page.
func claimKey(slug string) string { return "claim:" + slug }

// buildClaimPage renders a public claim page with its ClaimReview.
func (h *Handler) buildClaimPage(c echo.Context, slug string) ([]byte, error) {
	ctx := c.Request().Context()
	claim, verdict, err := h.publicFactCheck(ctx, slug)
	if err != nil {
		return nil, err
	}
	scale, err := h.ratings(ctx)
	if err != nil {
		return nil, err
	}
	org, _, err := h.organization(ctx)
	if err != nil {
		return nil, err
	}
	url := h.absURL("/claims/" + claim.Slug)
	p := page(c, verdict.Headline)
	p.Canonical = url
	if claim.Status.RatingStands() {
		ld := views.ClaimReview(claim, verdict, scale, org, url, h.absURL("/people/"+claim.Person.Slug))
		ld.Context = "https://schema.org"
		if p.JSONLD, err = views.JSONLD(ld); err != nil {
			return nil, err
		}
		p.Description = claimDescription(ctx, claim.Person.Name, claim.Summary, verdict.RatingLabel, true)
	} else {
		// A retracted fact-check keeps its page but gives no rating, to
		// people or to machines: no ClaimReview, no rating in the summary.
		p.Description = claimDescription(ctx, claim.Person.Name, claim.Summary, verdict.RatingLabel, false)
	}
	p.Meta = views.SocialMeta("article", verdict.Headline, p.Description, url, org.Name)
	p.Meta = views.WithImage(p.Meta, views.Image{URL: h.shareImageURL(ctx, claim.Slug),
		Type: shareImageType, Width: sharecard.Width, Height: sharecard.Height, Alt: p.Description})
	p.OEmbed = h.oembedURL(url)
	view := pages.ClaimView{Claim: claim, Verdict: verdict, Timeline: views.Timeline(claim, org.Zone), OrgName: org.Name}
	for i := range claim.Corrections {
		if claim.Corrections[i].Kind == models.CorrectionRetraction {
			view.Retraction = &claim.Corrections[i]
		}
	}
	return renderBytes(c, pages.Claim(p, view))
}

// publicFactCheck is the public claim slug, as the snapshot ctx reads it,
// with its published verdict; models.ErrNotFound when there is none.
func (h *Handler) publicFactCheck(ctx context.Context, slug string) (*models.Claim, *models.Verdict, error) {
	claim, err := h.store.PublicClaim(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	verdict := claim.CurrentVerdict()
	if verdict == nil {
		return nil, nil, fmt.Errorf("public claim %s has no published verdict: %w", slug, models.ErrNotFound)
	}
	return claim, verdict, nil
}

// claimDescription is a fact-check in one sentence, in the language of
// ctx, for a page's meta description and a feed's summary: who said what
// and the rating, or, when the rating no longer stands (a retraction),
// that the fact-check was retracted and no rating.
func claimDescription(ctx context.Context, name, claim, rating string, stands bool) string {
	if stands {
		return views.T(ctx, "public.claim.description", "Name", name, "Claim", claim, "Rating", rating)
	}
	return views.T(ctx, "public.claim.description_retracted", "Name", name, "Claim", claim)
}
