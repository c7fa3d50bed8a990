package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskClaimList lists claims, most recently changed first, filtered by
// status as the desk shows it (a draft sent back is "sent back", not
// "draft") and, optionally, to the user's own.
func (h *Handler) deskClaimList(c echo.Context) error {
	l := pages.ClaimList{Mine: c.QueryParam("mine") == "1"}
	switch st := models.ClaimStatus(c.QueryParam("status")); st {
	case models.ClaimDraft, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted:
		l.Status = st
	}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n > 0 {
		l.Offset = n
	}
	f := models.ClaimFilter{Status: l.Status, DeskStatus: true, Limit: pages.ClaimsPerPage + 1, Offset: l.Offset}
	if l.Mine {
		f.CreatedBy = currentUser(c).ID
	}
	claims, err := h.store.ListClaims(c.Request().Context(), f)
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
