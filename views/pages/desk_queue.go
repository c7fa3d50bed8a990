package pages

import (
	"context"

	"claimtracker/models"
	"claimtracker/views"
)

// Queue is verdicts waiting for review, with who wrote each and how many
// sources each claim has.
type Queue struct {
	Items []models.QueueItem
	// Authors are display names by verdict id.
	Authors map[uint]string
	// Sources are source counts by claim id.
	Sources map[uint]int
}

// Dashboard is what the desk's home page shows.
type Dashboard struct {
	Counts models.DeskCounts
	Lists  models.DeskLists
	// Queue is Lists.AwaitingReview with its authors and source counts.
	Queue Queue
}

// sourcesNote says how many sources a claim has, in ctx's language.
func (q Queue) sourcesNote(ctx context.Context, claimID uint) string {
	if n := q.Sources[claimID]; n > 0 {
		return views.N(ctx, "desk.queue.sources", n)
	}
	return views.T(ctx, "desk.queue.no_sources")
}

// author names who proposed a verdict.
func (q Queue) author(ctx context.Context, verdictID uint) string {
	if n, ok := q.Authors[verdictID]; ok {
		return n
	}
	return views.T(ctx, "desk.someone")
}
