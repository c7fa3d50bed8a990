// Package linkcheck revisits the URLs of sources to find link rot: the
// check_link background job fetches a source's URL with the product's one
// outside-URL fetcher (under its address rules and limits), says what
// became of it, and records that on the source (see
// models.Store.RecordLinkCheck). Schedule asks for the checks that are
// due, from every instance.
//
// What a check finds:
//   - gone: the address answers 404 Not Found or 410 Gone (RFC 9110,
//     sections 15.5.5 and 15.5.11), also after redirects; or redirects for
//     good to the site's home page, as sites do for deleted pages; or its
//     host name no longer exists (NXDOMAIN);
//   - moved: the address redirects for good (301 or 308) to another
//     address that answers, where "another" ignores what does not change
//     the page (http against https, "www.", a trailing slash, tracking
//     parameters: see models.NormalizeArticleURL);
//   - changed: the page answers, but not with what was archived. HTML is
//     compared by the SHA-256 of its main text (as package webpage reads
//     it), since the bytes of a page change on every load (ads, tokens,
//     timestamps) while its text does not; anything else by the SHA-256 of
//     its bytes. Without an archive of the URL there is nothing to compare
//     with, and an answering page is live;
//   - live: the page answers with what was archived;
//   - unreachable: any other answer (a server error, 401, 403…), a time-out,
//     a refused connection, a redirect loop, an address the fetcher's
//     rules refuse. A failure that may pass (a server error, 408, 425, a
//     time-out, no connection) is tried again, with the runner's backoff,
//     before it is recorded on the job's last attempt; the others are
//     recorded at once.
//
// Requests are paced per host across instances (models.Store.ReserveHost):
// one request per host per HostGap. A 429 Too Many Requests, or a 503
// with Retry-After (RFC 9110, section 10.2.3; RFC 6585, section 4), holds
// the host for as long as it asks (models.Store.DelayHost) and puts the
// job back until then.
package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/webpage"
)

// DefaultBackoff is how long a host that answered 429 without saying how
// long to wait is left alone.
const DefaultBackoff = 15 * time.Minute

// MaxWait is the longest a check waits on a host's Retry-After: a host
// that asks for longer, or that keeps asking for this long, is recorded
// unreachable, and the next scheduled check tries again.
const MaxWait = 24 * time.Hour

// ErrRetry wraps a failure that may pass: the job is to be tried again
// later, with the runner's backoff.
var ErrRetry = errors.New("link check: try again later")

// Checker runs the check_link job (see Run).
type Checker struct {
	// Store holds the sources, their archives and the host pacing.
	Store *models.Store
	// Fetcher makes the requests; its size limit should be the
	// archive's, so that what was archived can be compared.
	Fetcher *fetcher.Client
	// HostGap is the least time between two requests to one host; 0 is
	// models.DefaultHostGap.
	HostGap time.Duration
}

// now reads the Store's clock, which times the checks and the hosts'
// waits.
func (c *Checker) now() time.Time { return c.Store.Now() }

// gap is the host gap in use.
func (c *Checker) gap() time.Duration {
	if c.HostGap <= 0 {
		return models.DefaultHostGap
	}
	return c.HostGap
}

// Run checks the source that job j (a models.SourceJob) names, as its URL
// is now, and records what it found. It returns a wait above 0 when the
// job is to be put back for that long, not counting as a failure: the
// host's slot is taken (pacing) or the host asked to wait (Retry-After).
// A failure that may pass is returned wrapping ErrRetry while j has
// attempts left, and recorded as unreachable on its last. A source that
// no longer exists, or whose URL changed meanwhile, is nothing to do (the
// new URL is checked in its turn). Run may run more than once for one job
// (a lease that ran out): each run is one more visit, recorded as such.
func (c *Checker) Run(ctx context.Context, j *models.Job) (time.Duration, error) {
	var p models.SourceJob
	if err := j.Decode(&p); err != nil {
		return 0, err
	}
	src, err := c.Store.GetSource(ctx, p.SourceID)
	if errors.Is(err, models.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	host := models.LinkHost(src.URL)
	if host == "" {
		return 0, c.record(ctx, src, models.LinkCheckInput{Status: models.LinkUnreachable, Error: models.AddressReason(models.ReasonNotFetchable)})
	}
	wait, err := c.Store.ReserveHost(ctx, host, c.gap())
	if err != nil {
		return 0, err
	}
	if wait > 0 {
		// Spread the jobs waiting for one host over a gap, so that they
		// do not all come back for the same slot.
		return wait + rand.N(c.gap()), nil
	}
	res, err := c.Fetcher.Check(ctx, src.URL)
	var fe *fetcher.Error
	if err != nil && !errors.As(err, &fe) {
		return 0, err // the context ended: the job is tried again
	}
	if err == nil {
		if d, asked := retryAfter(res); asked {
			if d > MaxWait || c.now().Sub(j.CreatedAt) > MaxWait {
				return 0, c.record(ctx, src, models.LinkCheckInput{Status: models.LinkUnreachable, HTTPStatus: res.Status,
					FinalURL: res.FinalURL, Error: models.AddressReason(models.NewReason("reasons.fetch.asked_to_wait", "answered {{.Status}} and asked to wait {{.Time}}",
						"Status", fetcher.StatusWords(res.Status), "Time", waitReason(d)))})
			}
			if err := c.Store.DelayHost(ctx, host, c.now().Add(d)); err != nil {
				return 0, err
			}
			return d, nil
		}
	}
	in, transient, err := c.classify(ctx, src, res, fe)
	if err != nil {
		return 0, err
	}
	if transient && j.Attempts < j.MaxAttempts {
		return 0, jobs.Explain(fmt.Errorf("%w: source %d: %s", ErrRetry, src.ID, in.Error), in.Error)
	}
	return 0, c.record(ctx, src, in)
}

// record keeps in as the check of src's URL, now unless in says when.
func (c *Checker) record(ctx context.Context, src *models.Source, in models.LinkCheckInput) error {
	in.URL = src.URL
	if in.CheckedAt.IsZero() {
		in.CheckedAt = c.now()
	}
	_, err := c.Store.RecordLinkCheck(ctx, src.ID, in)
	if errors.Is(err, models.ErrNotFound) {
		return nil
	}
	return err
}

// retryAfter says whether res asks the checker to wait, and how long: a
// 429 always (DefaultBackoff when it does not say), a 503 when it says
// with Retry-After.
func retryAfter(res *fetcher.CheckResult) (time.Duration, bool) {
	switch {
	case res.Status == http.StatusTooManyRequests && res.RetryAfter > 0:
		return res.RetryAfter, true
	case res.Status == http.StatusTooManyRequests:
		return DefaultBackoff, true
	case res.Status == http.StatusServiceUnavailable && res.RetryAfter > 0:
		return res.RetryAfter, true
	}
	return 0, false
}

// classify says what a check of src found: res when an answer came, fe
// when none did; transient when it is a failure that may pass (a server
// error, a time-out, no connection), worth trying again before it is
// recorded.
func (c *Checker) classify(ctx context.Context, src *models.Source, res *fetcher.CheckResult, fe *fetcher.Error) (in models.LinkCheckInput, transient bool, err error) {
	if fe != nil {
		in = models.LinkCheckInput{Status: models.LinkUnreachable, Error: models.AddressReason(models.FetchReason(fe))}
		switch {
		case fetcher.HostNotFound(fe):
			in.Status = models.LinkGone
		case fe.Reason == fetcher.BadURL || fe.Reason == fetcher.RefusedAddress:
			// The fetcher's rules: asking again gives the same answer.
		default:
			transient = true
		}
		return in, transient, nil
	}
	in = models.LinkCheckInput{HTTPStatus: res.Status, FinalURL: res.FinalURL, SHA256: res.SHA256, CheckedAt: res.CheckedAt}
	switch {
	case res.Status == http.StatusNotFound || res.Status == http.StatusGone:
		in.Status, in.Error = models.LinkGone, models.AddressReason(models.StatusReason(res.Status))
		return in, false, nil
	case res.Status < 200 || res.Status > 299:
		in.Status, in.Error = models.LinkUnreachable, models.AddressReason(models.StatusReason(res.Status))
		// Server errors, time-outs and rate limits pass; other client
		// errors (401, 403, 451…) do not by themselves.
		transient = res.Status >= 500 || res.Status == http.StatusRequestTimeout || res.Status == http.StatusTooEarly ||
			res.Status == http.StatusTooManyRequests
		return in, transient, nil
	}
	if moved := res.MovedTo(); moved != "" && models.NormalizeArticleURL(moved) != models.NormalizeArticleURL(src.URL) {
		if isHomePage(moved) && !isHomePage(src.URL) {
			in.Status, in.Error = models.LinkGone, models.AddressReason(models.NewReason("reasons.fetch.home_page", "redirects to the site's home page"))
			return in, false, nil
		}
		in.Status = models.LinkMoved
		return in, false, nil
	}
	same, err := c.sameAsArchived(ctx, src, res)
	if err != nil {
		return in, false, err
	}
	in.Status = models.LinkLive
	if !same {
		in.Status = models.LinkChanged
	}
	return in, false, nil
}

// isHomePage reports whether raw is the root of its site, without a query.
func isHomePage(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.Trim(u.Path, "/") == "" && u.RawQuery == ""
}

// sameAsArchived reports whether the page res got is what src's archive
// holds (true when there is no archive of the URL to compare with, or the
// page was too large to read). src is as models.Store.GetSource reads it,
// with its snapshot.
func (c *Checker) sameAsArchived(ctx context.Context, src *models.Source, res *fetcher.CheckResult) (bool, error) {
	snap := src.ArchiveSnapshot
	if snap == nil || snap.URL != src.URL || res.TooLarge {
		return true, nil
	}
	if snap.SHA256 == res.SHA256 {
		return true, nil
	}
	if !isHTML(res.ContentType) || !isHTML(mediaType(snap.ContentType)) {
		return false, nil
	}
	body, err := c.Store.Blobs().Get(ctx, snap.SHA256)
	if errors.Is(err, models.ErrNotFound) {
		return true, nil // nothing left to compare with
	}
	if err != nil {
		return false, err
	}
	then := MainTextSHA256(fetcher.DecodeText(body, snap.ContentType), snap.FinalURL)
	now := MainTextSHA256(res.Text, res.FinalURL)
	return then == now, nil
}

// MainTextSHA256 is the SHA-256, in lower-case hex, of the main text of
// an HTML page (decoded to UTF-8, found at pageURL) as package webpage
// reads it: what a link check compares, since the page's bytes change on
// every load while its text does not. A page whose main text cannot be
// read hashes as an empty text.
func MainTextSHA256(page, pageURL string) string {
	u, _ := url.Parse(pageURL)
	text := ""
	if art, err := webpage.Read(page, u); err == nil {
		text = art.Text
	}
	return models.SHA256Hex([]byte(text))
}

// isHTML reports whether media type mt is an HTML page.
func isHTML(mt string) bool { return mt == "text/html" || mt == "application/xhtml+xml" }

// mediaType is the media type of a Content-Type value, lower case,
// without parameters.
func mediaType(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// waitReason says a wait the way people read it, in whole units rounded
// down: "90 seconds", "3 hours".
func waitReason(d time.Duration) models.Reason {
	switch {
	case d >= 2*time.Hour:
		return models.TimeReason(int(d/time.Hour), time.Hour)
	case d >= 2*time.Minute:
		return models.TimeReason(int(d/time.Minute), time.Minute)
	}
	return models.TimeReason(int(d/time.Second), time.Second)
}
