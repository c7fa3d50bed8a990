package pages

import (
	"context"
	"strconv"

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
	// Mine keeps the user's own claims only.
	Mine bool
	// Offset is how many claims earlier pages showed; More says a next page exists.
	Offset int
	More   bool
}

// query is the list's address with status, mine and offset.
func (l ClaimList) query(status models.ClaimStatus, mine bool, offset int) string {
	q := "/desk/claims"
	sep := "?"
	if status != "" {
		q += sep + "status=" + string(status)
		sep = "&"
	}
	if mine {
		q += sep + "mine=1"
		sep = "&"
	}
	if offset > 0 {
		q += sep + "offset=" + strconv.Itoa(offset)
	}
	return q
}

// claimStatuses are the list's status filters, in workflow order: a claim
// sent back is listed under "Sent back", not under "Draft".
var claimStatuses = []models.ClaimStatus{"", models.ClaimDraft, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted}

// filterLabel names a status filter of the list in ctx's language.
func filterLabel(ctx context.Context, s models.ClaimStatus) string {
	if s == "" {
		return views.T(ctx, "desk.claims.all")
	}
	return components.ClaimStatusLabel(ctx, s)
}
