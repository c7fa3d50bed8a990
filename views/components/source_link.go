package components

import (
	"net/url"

	"claimtracker/models"
)

// SafeOutsideURL reports whether raw is an absolute http or https URL, the
// only kind a page links to outside the site.
func SafeOutsideURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// waybackCopy is the address of the Internet Archive's copy of s when
// one was saved and is safe to link to (see SafeOutsideURL); ok is false
// otherwise. Desk and public pages link to it only then.
func waybackCopy(s *models.Source) (link string, ok bool) {
	if s.WaybackStatus == models.WaybackSaved && SafeOutsideURL(s.WaybackURL) {
		return s.WaybackURL, true
	}
	return "", false
}

// hasWaybackCopy reports whether s has a Wayback copy to link to (see
// waybackCopy).
func hasWaybackCopy(s *models.Source) bool {
	_, ok := waybackCopy(s)
	return ok
}
