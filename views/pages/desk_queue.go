package pages

import (
	"strconv"

	"claimtracker/models"
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

// sourcesNote says how many sources a claim has.
func (q Queue) sourcesNote(claimID uint) string {
	switch n := q.Sources[claimID]; n {
	case 0:
		return "no sources"
	case 1:
		return "1 source"
	default:
		return strconv.Itoa(n) + " sources"
	}
}

// author names who proposed a verdict.
func (q Queue) author(verdictID uint) string {
	if n, ok := q.Authors[verdictID]; ok {
		return n
	}
	return "someone"
}
