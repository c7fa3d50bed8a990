package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// deskClaimShow is a claim's desk page: the claim, its sources by stance,
// its verdicts with their reviews, and the forms that move it along.
func (h *Handler) deskClaimShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderClaimDesk(c, http.StatusOK, id, pages.ClaimForms{})
}

// renderClaimDesk shows claim id's desk page with forms: a refused form
// comes back with its input and errors, the others are fresh.
func (h *Handler) renderClaimDesk(c echo.Context, status int, id uint, forms pages.ClaimForms) error {
	ctx := c.Request().Context()
	cl, err := h.store.GetClaim(ctx, id)
	if err != nil {
		return err
	}
	ratings, err := h.store.Ratings(ctx)
	if err != nil {
		return err
	}
	similar, err := h.store.SimilarClaims(ctx, cl.Text, cl.ID, 5)
	if err != nil {
		return err
	}
	names, err := h.store.UserNames(ctx, pages.UserIDs(cl))
	if err != nil {
		return err
	}
	if v := cl.OpenVerdict(); v != nil && forms.Verdict.Values == nil {
		// The revise form starts from the verdict as it stands.
		forms.Verdict.Values = map[string]string{"rating": v.RatingSlug, "headline": v.Headline, "explanation": v.Explanation}
	}
	p := page(c, cl.Summary)
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, status, pages.DeskClaim(p, pages.ClaimDesk{Claim: cl, Ratings: ratings, Similar: similar, Names: names, Forms: forms}))
}
