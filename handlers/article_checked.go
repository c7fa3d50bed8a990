package handlers

import (
	"context"
	"time"

	"claimtracker/extract"
	"claimtracker/models"
)

// maxChecked is the most published fact-checks shown for one candidate
// claim, best first.
const maxChecked = 3

// articleCandidates finds the candidate claims in an article's text (dated
// by published, when the article says when it was published), with total
// as extract.Find counts them, and matches the words of each to the
// published fact-checks that already answer them, all in one batch (see
// models.Store.CheckedClaims), so that intake stays fast for an article of
// hundreds of candidates.
func (h *Handler) articleCandidates(ctx context.Context, text string, published *time.Time) (found []extract.Candidate, total int, checked [][]models.Checked, err error) {
	var when time.Time
	if published != nil {
		when = *published
	}
	found, total = extract.Find(text, when)
	quotes := make([]string, len(found))
	for i := range found {
		quotes[i] = found[i].Quote
	}
	checked, err = h.store.CheckedClaims(ctx, quotes, maxChecked)
	if err != nil {
		return nil, 0, nil, err
	}
	return found, total, checked, nil
}
