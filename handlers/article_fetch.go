package handlers

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"claimtracker/fetcher"
	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/webpage"
)

// maxFetches is how many article pages are fetched and read at once: a
// page of up to 5 MB takes several times that in memory while it is
// parsed, so a burst of fetches must not add up. A request that finds
// every slot taken waits for one within the fetch's own time limit.
const maxFetches = 2

// fetchedArticle is what intake takes from an article's page, each field
// as a form or JSON field holds it: single lines and the text under the
// input policy, the date as YYYY-MM-DD. A field is "" when the page does
// not say.
type fetchedArticle struct {
	Title, Outlet, Author, PublishedAt, Text string
	// FinalURL is the address that answered, after redirects.
	FinalURL string
	// FetchedAt is when it answered, in UTC.
	FetchedAt time.Time
}

// fetchArticle fetches the HTML page at rawURL with the one fetcher (its
// limits: 15 s, 5 MB, 5 redirects, public addresses or --fetch-allow) and
// reads the article in it. A page that cannot be fetched is a
// *fetcher.Error (422, naming url); a request that found no free slot in
// time is models.ErrBusy (503).
func (h *Handler) fetchArticle(ctx context.Context, rawURL string) (fetchedArticle, error) {
	release, err := acquireSlot(ctx, h.fetchSlots, fetcher.DefaultTimeout, 5*time.Second)
	if err != nil {
		return fetchedArticle{}, err
	}
	defer release()
	page, err := h.fetcher.FetchHTML(ctx, rawURL)
	if err != nil {
		return fetchedArticle{}, err
	}
	base, _ := url.Parse(page.FinalURL) // nil when it cannot be read
	a, err := webpage.Read(page.Text, base)
	if err != nil {
		return fetchedArticle{}, fmt.Errorf("read the article at %s: %w", page.FinalURL, err)
	}
	got := fetchedArticle{
		// Single lines under the input policy: Scrub gives what input.Line
		// gives for a line Line takes, and makes one of any other.
		Title: input.Scrub(a.Title), Outlet: input.Scrub(a.Outlet), Author: input.Scrub(a.Author),
		FinalURL: page.FinalURL, FetchedAt: page.FetchedAt,
	}
	if !a.Published.IsZero() {
		got.PublishedAt = a.Published.Format(models.DateLayout)
	}
	// webpage leaves no control characters; Text puts it in NFC and keeps
	// bidirectional controls only where they close on their line.
	if got.Text, err = input.Text(a.Text); err != nil {
		got.Text = ""
	}
	return got, nil
}

// orFetched is what a client sent when it sent something, else what the
// page gave: the client's fields win over the page's.
func orFetched(sent, fetched string) string {
	if sent != "" {
		return sent
	}
	return fetched
}
