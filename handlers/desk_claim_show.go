package handlers

import (
	"maps"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/views/components"
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
		// The revise form starts from the verdict as it stands, and
		// carries the version it shows.
		forms.Verdict.Values = map[string]string{"rating": v.RatingSlug, "headline": v.Headline, "explanation": v.Explanation,
			"verdict_language": v.Language, "version": strconv.Itoa(v.Version)}
	}
	open, err := h.store.OpenUpdateOf(ctx, cl.ID)
	if err != nil {
		return err
	}
	notes, err := h.store.ClaimNotes(ctx, cl.ID)
	if err != nil {
		return err
	}
	colleagues, err := h.colleaguesFor(ctx, cl)
	if err != nil {
		return err
	}
	p := page(c, cl.Summary)
	p.Flash = flash(c)
	return render(c, status, pages.DeskClaim(p, pages.ClaimDesk{Claim: cl, Ratings: ratings, Similar: similar, Names: names, Forms: forms, Update: open,
		MaxFileBytes: h.store.MaxFileBytes(), Notes: notes, Colleagues: colleagues, Today: h.today(ctx)}))
}

// finishClaimForm ends a form action on a claim's desk page. A refusal
// puts the store's field errors into errs (the errors map of the form held
// in forms) and shows the page again with them beside the fields (422);
// any other error goes to the error handler; success goes back to the
// claim with a confirmation, done being "code#anchor".
func (h *Handler) finishClaimForm(c echo.Context, claimID uint, err error, errs map[string]string, forms pages.ClaimForms, done string) error {
	if fe := formErrors(c, err); fe != nil {
		maps.Copy(errs, fe)
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, claimID, forms)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(claimID)+"?done="+done)
}
