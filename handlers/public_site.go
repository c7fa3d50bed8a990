package handlers

import (
	"context"
	"strings"

	"claimtracker/models"
	"claimtracker/views"
)

// absURL is the public, absolute URL of a path on this site.
func (h *Handler) absURL(path string) string {
	return strings.TrimRight(h.baseURL.String(), "/") + path
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
