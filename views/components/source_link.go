package components

import "net/url"

// SafeOutsideURL reports whether raw is an absolute http or https URL, the
// only kind a page links to outside the site.
func SafeOutsideURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
