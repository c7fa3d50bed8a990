package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskClaimList lists claims, most recently changed first, filtered by
// status as the desk shows it (a claim sent back is "sent back", not
// "draft" or "researching") and, optionally, to the user's own
// (?mine=1), to those assigned to them and still worked on (?assigned=1),
// or to those due soon, theirs or nobody's (?due=soon, by due day).
func (h *Handler) deskClaimList(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	l := pages.ClaimList{Today: h.today(ctx)}
	switch {
	case c.QueryParam("mine") == "1":
		l.Mine = true
	case c.QueryParam("assigned") == "1":
		l.AssignedToMe = true
	case c.QueryParam("due") == "soon":
		l.DueSoon = true
	}
	switch st := models.ClaimStatus(c.QueryParam("status")); st {
	case models.ClaimDraft, models.ClaimResearching, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted:
		l.Status = st
	}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n > 0 {
		l.Offset = n
	}
	f := models.ClaimFilter{Status: l.Status, DeskStatus: true, Limit: pages.ClaimsPerPage + 1, Offset: l.Offset}
	switch {
	case l.Mine:
		f.CreatedBy = u.ID
	case l.AssignedToMe:
		f.AssigneeID, f.Open = u.ID, true
	case l.DueSoon:
		f.DueBy, f.DueFor = new(models.DueSoonBy(l.Today)), u.ID
	}
	claims, err := h.store.ListClaims(ctx, f)
	if err != nil {
		return err
	}
	if len(claims) > pages.ClaimsPerPage {
		claims, l.More = claims[:pages.ClaimsPerPage], true
	}
	l.Claims = claims
	p := page(c, localeOf(c).T("desk.claims.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.DeskClaims(p, l))
}
