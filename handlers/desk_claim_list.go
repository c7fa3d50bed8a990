package handlers

import (
	"errors"
	"maps"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskClaimList lists every claim, drafts included (the desk's accounts
// may all read them), most recently changed first or in ?sort='s order,
// narrowed by the search form's filters (pages.ClaimFilterFields: words,
// speaker, tag, assignee, author, language, days said, as
// parseClaimQuery reads them), by status as the desk shows it (a claim
// sent back is "sent back", not "draft" or "researching") and,
// optionally, to the user's own (?mine=1), to those assigned to them and
// still worked on (?assigned=1), or to those due soon, theirs or
// nobody's (?due=soon, by due day). A refused filter comes back beside
// its field (422) with no list.
func (h *Handler) deskClaimList(c echo.Context) error {
	l, f := h.claimListQuery(c, c.QueryParam)
	status := http.StatusOK
	if len(l.Filters.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	} else if err := h.fillClaimList(c, &l, f); err != nil {
		return err
	}
	p := page(c, localeOf(c).T("desk.claims.title"))
	p.Flash = flash(c)
	if p.Flash == "" {
		p.Flash = h.bulkFlash(c)
	}
	if err := h.claimListChoices(c, &l); err != nil {
		return err
	}
	return render(c, status, pages.DeskClaims(p, l))
}

// claimListQuery reads the list's address, each parameter the value get
// gives for its name: its view, status, page and filters, into the
// page's list and the store's filter; the form's errors name the refused
// filters.
func (h *Handler) claimListQuery(c echo.Context, get func(string) string) (pages.ClaimList, models.ClaimFilter) {
	u := currentUser(c)
	ctx := c.Request().Context()
	l := pages.ClaimList{Today: h.today(ctx), Filters: views.Form{Values: map[string]string{}, Errors: map[string]string{}}}
	switch {
	case get("mine") == "1":
		l.Mine = true
	case get("assigned") == "1":
		l.AssignedToMe = true
	case get("due") == "soon":
		l.DueSoon = true
	}
	var v models.Validator
	switch st := models.ClaimStatus(get("status")); st {
	case "":
	case models.ClaimDraft, models.ClaimResearching, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted:
		l.Status = st
	default:
		v.Fail("status", models.NewReason("reasons.desk_status", "must be draft, researching, sent_back, in_review, published or retracted"))
	}
	if n, err := strconv.Atoi(get("offset")); err == nil && n > 0 {
		l.Offset = n
	}
	f := models.ClaimFilter{Status: l.Status, DeskStatus: true, Limit: pages.ClaimsPerPage + 1, Offset: l.Offset}
	parseClaimQuery(get, u, &f, &v)
	for _, name := range pages.ClaimFilterFields {
		l.Filters.Values[name] = get(name)
	}
	maps.Copy(l.Filters.Errors, formErrors(c, v.Err()))
	if e := l.Filters.Errors["status"]; e != "" {
		// The status is chosen with the list's tabs, not a field: its
		// error is the form's.
		l.Filters.Error = views.FieldError(ctx, localeOf(c).T("desk.claims.f_status"), e)
	}
	// What narrows the list: the filters set, the status and the view.
	for _, name := range pages.ClaimFilterFields {
		if name != "sort" && l.Filters.Values[name] != "" {
			l.Active++
		}
	}
	if l.Status != "" {
		l.Active++
	}
	if l.Mine || l.AssignedToMe || l.DueSoon {
		l.Active++
	}
	switch {
	case l.Mine:
		f.CreatedBy = u.ID
	case l.AssignedToMe:
		f.AssigneeID, f.Open = u.ID, true
	case l.DueSoon:
		f.DueBy, f.DueFor = new(models.DueSoonBy(l.Today)), u.ID
	}
	return l, f
}

// fillClaimList reads the page of claims f selects into l.
func (h *Handler) fillClaimList(c echo.Context, l *pages.ClaimList, f models.ClaimFilter) error {
	claims, err := h.store.ListClaims(c.Request().Context(), f)
	if err != nil {
		return err
	}
	if len(claims) > pages.ClaimsPerPage {
		claims, l.More = claims[:pages.ClaimsPerPage], true
	}
	l.Claims = claims
	return nil
}

// claimListChoices reads the choices of the list's filters and bulk
// assignment: the speakers and the active accounts, and the speaker the
// address names when the list of speakers leaves it out.
func (h *Handler) claimListChoices(c echo.Context, l *pages.ClaimList) error {
	ctx := c.Request().Context()
	people, err := h.store.ListPeople(ctx, maxSpeakerChoices)
	if err != nil {
		return err
	}
	named := l.Filters.Get("speaker")
	for _, p := range people {
		id := components.IDText(p.ID)
		l.Speakers = append(l.Speakers, components.Option{Value: id, Label: p.Name})
		if id == named {
			named = ""
		}
	}
	if n, err := strconv.ParseUint(named, 10, 32); err == nil && n > 0 {
		p, err := h.store.PersonByID(ctx, uint(n))
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
		if p != nil {
			l.Speakers = append(l.Speakers, components.Option{Value: named, Label: p.Name})
		}
	}
	l.Colleagues, err = h.store.Colleagues(ctx)
	return err
}

// maxSpeakerChoices is how many speakers, by name, the speaker filter
// offers; one the address names is offered too.
const maxSpeakerChoices = 1000
