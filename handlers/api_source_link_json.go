package handlers

import (
	"claimtracker/models"
)

// linkJSON is what the link checker last found at a source's URL, in the
// desk's API. Status is live, changed, moved, gone or unreachable, null
// before the first check; CheckedAt is that check's time and Since when a
// check first found the status (RFC 3339, UTC); HTTPStatus and FinalURL
// are the final answer's status and address (null when no answer came);
// Error says what went wrong (null when nothing did).
type linkJSON struct {
	Status     *string `json:"status"`
	CheckedAt  *string `json:"checked_at"`
	Since      *string `json:"since"`
	HTTPStatus *int    `json:"http_status"`
	FinalURL   *string `json:"final_url"`
	Error      *string `json:"error"`
}

// publicLinkJSON is linkJSON for the public API: everything but the time
// of the last check, which moves with every visit, while a public
// response changes only with what the page shows (a visit that finds the
// same changes nothing).
type publicLinkJSON struct {
	Status     *string `json:"status"`
	Since      *string `json:"since"`
	HTTPStatus *int    `json:"http_status"`
	FinalURL   *string `json:"final_url"`
	Error      *string `json:"error"`
}

// newLinkJSON converts a source's link state for the desk's API.
func newLinkJSON(s *models.Source) linkJSON {
	p := newPublicLinkJSON(s)
	return linkJSON{Status: p.Status, CheckedAt: optStampJSON(s.LinkCheckedAt), Since: p.Since, HTTPStatus: p.HTTPStatus, FinalURL: p.FinalURL, Error: p.Error}
}

// newPublicLinkJSON converts a source's link state for the public API.
func newPublicLinkJSON(s *models.Source) publicLinkJSON {
	var out publicLinkJSON
	if s.LinkStatus == "" {
		return out
	}
	status := string(s.LinkStatus)
	out.Status, out.Since, out.HTTPStatus = &status, optStampJSON(s.LinkSince), s.LinkHTTPStatus
	if s.LinkFinalURL != "" {
		out.FinalURL = &s.LinkFinalURL
	}
	if s.LinkError != "" {
		out.Error = &s.LinkError
	}
	return out
}

// waybackJSON is the Internet Archive's copy of a source's URL. Status is
// queued, saved or failed, null when none was asked (--wayback off); URL
// is the copy's address once saved; Error why the last attempt failed;
// At when the copy was saved, or failed for good (RFC 3339, UTC).
type waybackJSON struct {
	Status *string `json:"status"`
	URL    *string `json:"url"`
	Error  *string `json:"error"`
	At     *string `json:"at"`
}

// newWaybackJSON converts a source's Wayback copy.
func newWaybackJSON(s *models.Source) waybackJSON {
	var out waybackJSON
	if s.WaybackStatus == "" {
		return out
	}
	out.Status, out.At = &s.WaybackStatus, optStampJSON(s.WaybackAt)
	if s.WaybackURL != "" {
		out.URL = &s.WaybackURL
	}
	if s.WaybackError != "" {
		out.Error = &s.WaybackError
	}
	return out
}
