package pages

import (
	"context"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// BrokenSourcesLimit is how many sources the list of broken links shows.
const BrokenSourcesLimit = 200

// BrokenSourceList is the desk's list of sources whose links need a
// look, with its filter.
type BrokenSourceList struct {
	Sources []models.BrokenSource
	// Status keeps one status of models.BrokenLinkStatuses; "" is all.
	Status models.LinkStatus
}

// brokenQuery is the list's address filtered by status ("" for all).
func brokenQuery(status models.LinkStatus) string {
	if status == "" {
		return "/desk/sources/broken"
	}
	return "/desk/sources/broken?status=" + string(status)
}

// brokenFilterLabel names a filter of the list in ctx's language.
func brokenFilterLabel(ctx context.Context, status models.LinkStatus) string {
	switch status {
	case "":
		return views.T(ctx, "desk.claims.all")
	case models.LinkChanged:
		return views.T(ctx, "desk.broken.changed")
	}
	return components.LinkStatusLabel(ctx, status)
}

// brokenFilters are the list's filters, in order.
var brokenFilters = append([]models.LinkStatus{""}, models.BrokenLinkStatuses...)
