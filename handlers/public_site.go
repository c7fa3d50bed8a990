package handlers

import (
	"context"
	"net/url"
	"strings"

	"claimtracker/models"
	"claimtracker/views"
)

// absURL is the public, absolute URL of a path on this site, the path
// percent-encoded (RFC 3986) as a URL must carry it: a slug in any script
// ("/claims/путин-сказал") gives a valid URL in canonical links, feeds,
// sitemaps, ClaimReview and the APIs, and ASCII paths stay as they are.
func (h *Handler) absURL(path string) string {
	return strings.TrimRight(h.baseURL.String(), "/") + (&url.URL{Path: path}).EscapedPath()
}

// organization is the publisher named in ClaimReview and feeds, from the
// settings; its URL defaults to the site's.
func (h *Handler) organization(ctx context.Context) (views.Organization, models.SiteSettings, error) {
	st, err := h.settings(ctx)
	if err != nil {
		return views.Organization{}, st, err
	}
	org := views.Organization{Name: st.OrganizationName, URL: st.OrganizationURL, Zone: st.Location(), Language: st.Language}
	if org.URL == "" {
		org.URL = h.absURL("/")
	}
	return org, st, nil
}
