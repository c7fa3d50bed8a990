package pages

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// ClaimsPerPage is how many claims the claim list shows at once.
const ClaimsPerPage = 50

// ClaimList is the claim list with its filters.
type ClaimList struct {
	Claims []models.Claim
	// Status filters by status as the desk shows it (Claim.DeskStatus);
	// "" is every status.
	Status models.ClaimStatus
	// Mine keeps the user's own claims only; AssignedToMe those assigned
	// to them and still worked on; DueSoon those due soon (see
	// models.DueSoon), theirs or nobody's. At most one of the three is
	// set.
	Mine, AssignedToMe, DueSoon bool
	// Offset is how many claims earlier pages showed; More says a next page exists.
	Offset int
	More   bool
	// Today is the newsroom's calendar day, by which due days are soon or
	// past.
	Today time.Time
	// Filters are the search form's values as the address gave them
	// (see ClaimFilterFields), with the errors of those refused; Active
	// counts the filters set, the status and the list's view (mine,
	// assigned, due soon) included.
	Filters views.Form
	Active  int
	// Speakers, Colleagues are the choices of the speaker, assignee and
	// author filters and of the bulk assignment.
	Speakers   []components.Option
	Colleagues []models.Colleague
	// Bulk is the bulk actions' form: its values and errors after a
	// refused action; Chosen the claims it had ticked, which stay ticked.
	Bulk   views.Form
	Chosen map[uint]bool
}

// ClaimFilterFields are the search form's fields, as the address carries
// them: the words, speaker, tag, assignee, author, language, the days
// said from and to, and the order.
var ClaimFilterFields = []string{"q", "speaker", "tag", "assignee", "author", "language", "from", "to", "sort"}

// Filtered reports whether anything narrows the list.
func (l ClaimList) Filtered() bool { return l.Active > 0 }

// Query is the list's address's query string, its page left out: what the
// bulk form carries to come back to the same list.
func (l ClaimList) Query() string {
	u := l.with(func(*ClaimList) {})
	if _, q, ok := strings.Cut(u, "?"); ok {
		return q
	}
	return ""
}

// moreFilters reports whether the search form's other filters than its
// words are to be shown open: one is set, or refused.
func (l ClaimList) moreFilters() bool {
	for _, f := range ClaimFilterFields[1:] {
		if l.Filters.Get(f) != "" || l.Filters.Err(f) != "" {
			return true
		}
	}
	return false
}

// rowTriage is what a claim row of a desk list shows of a claim's triage:
// with Show, its due day as seen on Today and, with Assignee, whom it is
// assigned to.
type rowTriage struct {
	Show, Assignee bool
	Today          time.Time
	// Select gives the row a tick box of the bulk form (ids), ticked
	// when Chosen.
	Select, Chosen bool
}

// with is the list's address with change applied to its filters; a
// change of filter starts at the first page.
func (l ClaimList) with(change func(*ClaimList)) string {
	q := l
	q.Offset = 0
	change(&q)
	v := url.Values{}
	if q.Status != "" {
		v.Set("status", string(q.Status))
	}
	switch {
	case q.Mine:
		v.Set("mine", "1")
	case q.AssignedToMe:
		v.Set("assigned", "1")
	case q.DueSoon:
		v.Set("due", "soon")
	}
	for _, f := range ClaimFilterFields {
		if x := q.Filters.Get(f); x != "" {
			v.Set(f, x)
		}
	}
	if q.Offset > 0 {
		v.Set("offset", strconv.Itoa(q.Offset))
	}
	if len(v) == 0 {
		return "/desk/claims"
	}
	return "/desk/claims?" + v.Encode()
}

// claimStatuses are the list's status filters, in workflow order: a claim
// sent back is listed under "Sent back", not under "Draft" or
// "Researching".
var claimStatuses = append([]models.ClaimStatus{""}, DeskClaimStatuses...)

// DeskClaimStatuses are the statuses as the desk shows them, in workflow
// order.
var DeskClaimStatuses = []models.ClaimStatus{models.ClaimDraft, models.ClaimResearching, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted}

// filterLabel names a status filter of the list in ctx's language.
func filterLabel(ctx context.Context, s models.ClaimStatus) string {
	if s == "" {
		return views.T(ctx, "desk.claims.all")
	}
	return components.ClaimStatusLabel(ctx, s)
}

// SortLabel names an order of the list in ctx's language.
func SortLabel(ctx context.Context, s models.ClaimSort) string { return sortLabel(ctx, s) }

// sortLabel names an order of the list in ctx's language.
func sortLabel(ctx context.Context, s models.ClaimSort) string {
	switch s {
	case models.SortNewest:
		return views.T(ctx, "desk.claims.sort_newest")
	case models.SortOldest:
		return views.T(ctx, "desk.claims.sort_oldest")
	case models.SortDue:
		return views.T(ctx, "desk.claims.sort_due")
	case models.SortSaid:
		return views.T(ctx, "desk.claims.sort_said")
	}
	return views.T(ctx, "desk.claims.sort_changed")
}

// sortOptions are the list's orders as the sort filter offers them.
func sortOptions(ctx context.Context) []components.Option {
	out := make([]components.Option, len(models.ClaimSorts))
	for i, s := range models.ClaimSorts {
		out[i] = components.Option{Value: string(s), Label: sortLabel(ctx, s)}
	}
	return out
}

// whoOptions are the accounts a filter or the bulk assignment offers, by
// id, after the words extra offers first (value, label pairs).
func whoOptions(colleagues []models.Colleague, extra ...components.Option) []components.Option {
	out := append([]components.Option(nil), extra...)
	for _, c := range colleagues {
		out = append(out, components.Option{Value: strconv.FormatUint(uint64(c.ID), 10), Label: c.Name})
	}
	return out
}
