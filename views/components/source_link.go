package components

import (
	"net/url"

	"claimtracker/models"
)

// LinkStatusLabel names a link status for people: "Live", "Gone"…
func LinkStatusLabel(s models.LinkStatus) string {
	switch s {
	case models.LinkLive:
		return "Live"
	case models.LinkChanged:
		return "Changed since archived"
	case models.LinkMoved:
		return "Moved"
	case models.LinkGone:
		return "Gone"
	case models.LinkUnreachable:
		return "Unreachable"
	}
	return "Not checked yet"
}

// SafeOutsideURL reports whether raw is an absolute http or https URL, the
// only kind a page links to outside the site.
func SafeOutsideURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
