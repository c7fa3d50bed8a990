package handlers

import (
	"context"

	"claimtracker/extract"
	"claimtracker/models"
)

// maxChecked is the most published fact-checks shown for one candidate
// claim, best first.
const maxChecked = 3

// checkedCandidates matches the words of each candidate found in an article
// to the published fact-checks that already answer them, all in one batch
// (see models.Store.CheckedClaims), so that intake stays fast for an article
// of hundreds of candidates.
func (h *Handler) checkedCandidates(ctx context.Context, found []extract.Candidate) ([][]models.Checked, error) {
	quotes := make([]string, len(found))
	for i := range found {
		quotes[i] = found[i].Quote
	}
	return h.store.CheckedClaims(ctx, quotes, maxChecked)
}
