package pages

import (
	"claimtracker/models"
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

// brokenFilterLabel names a filter of the list.
func brokenFilterLabel(status models.LinkStatus) string {
	switch status {
	case "":
		return "All"
	case models.LinkChanged:
		return "Changed"
	}
	return linkLabel(status)
}

// linkLabel names a link status for the list.
func linkLabel(status models.LinkStatus) string {
	switch status {
	case models.LinkGone:
		return "Gone"
	case models.LinkMoved:
		return "Moved"
	case models.LinkUnreachable:
		return "Unreachable"
	case models.LinkChanged:
		return "Changed since archived"
	}
	return string(status)
}

// brokenFilters are the list's filters, in order.
var brokenFilters = append([]models.LinkStatus{""}, models.BrokenLinkStatuses...)
