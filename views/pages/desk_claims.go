package pages

import (
	"context"
	"net/url"
	"strconv"
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
}

// rowTriage is what a claim row of a desk list shows of a claim's triage:
// with Show, its due day as seen on Today and, with Assignee, whom it is
// assigned to.
type rowTriage struct {
	Show, Assignee bool
	Today          time.Time
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
var claimStatuses = []models.ClaimStatus{"", models.ClaimDraft, models.ClaimResearching, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted}

// filterLabel names a status filter of the list in ctx's language.
func filterLabel(ctx context.Context, s models.ClaimStatus) string {
	if s == "" {
		return views.T(ctx, "desk.claims.all")
	}
	return components.ClaimStatusLabel(ctx, s)
}
