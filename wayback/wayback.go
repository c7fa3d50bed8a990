// Package wayback asks the Internet Archive's Save Page Now to take a copy
// of a source's URL: the wayback background job, run for every new or
// changed source URL when --wayback is on. It sends GET
// {endpoint}{source URL} (the form Save Page Now has long taken without an
// account) through the product's one outside-URL fetcher, does not follow
// the answer's redirect, and reads where the copy is from the answer's
// Content-Location, Location or Link (rel="memento", RFC 7089) header,
// made absolute against the endpoint (https://web.archive.org for the
// default one). What it got, the copy's address or why there is none, is
// recorded on the source (models.Store.RecordWayback); a failure never
// stands in the way of the source, which was saved before the job ran.
//
// Requests to the endpoint's host are paced like link checks
// (models.Store.ReserveHost), and a 429 Too Many Requests, or a 503 with
// Retry-After, holds the host for as long as it asks.
package wayback

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
)

// DefaultEndpoint is Save Page Now's address; the source's URL is
// appended to it.
const DefaultEndpoint = "https://web.archive.org/save/"

// Timeout bounds one request to Save Page Now, which fetches the page
// before it answers.
const Timeout = 2 * time.Minute

// DefaultBackoff is how long the endpoint is left alone after a 429 that
// does not say how long.
const DefaultBackoff = 5 * time.Minute

// MaxWait is the longest a job waits on the endpoint's Retry-After; a
// longer one ends the attempt as a failure that may pass.
const MaxWait = 24 * time.Hour

// ErrRetry wraps a failure that may pass: the job is to be tried again
// later, with the runner's backoff.
var ErrRetry = errors.New("wayback: try again later")

// CheckEndpoint refuses an endpoint that is not an absolute http or https
// URL, as --wayback-endpoint takes it.
func CheckEndpoint(endpoint string) error {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", endpoint)
	}
	return nil
}

// Saver runs the wayback job (see Run).
type Saver struct {
	// Store holds the sources and the host pacing.
	Store *models.Store
	// Fetcher makes the requests.
	Fetcher *fetcher.Client
	// Endpoint is Save Page Now's address, to which the source's URL is
	// appended; "" is DefaultEndpoint.
	Endpoint string
	// HostGap is the least time between two requests to the endpoint's
	// host; 0 is models.DefaultHostGap.
	HostGap time.Duration
}

func (w *Saver) endpoint() string {
	if w.Endpoint == "" {
		return DefaultEndpoint
	}
	return w.Endpoint
}

func (w *Saver) gap() time.Duration {
	if w.HostGap <= 0 {
		return models.DefaultHostGap
	}
	return w.HostGap
}

// now reads the Store's clock, which times the answers and the host's
// waits.
func (w *Saver) now() time.Time { return w.Store.Now() }

// Run asks Save Page Now for a copy of the URL of the source that job j
// (a models.SourceJob) names, as the URL is now, and records the answer.
// It returns a wait above 0 when the job is to be put back for that long,
// not counting as a failure: the endpoint's slot is taken (pacing) or it
// asked to wait (Retry-After). A failure that may pass (a time-out, a
// server error, an answer without a copy's address) is recorded with the
// source still queued and returned wrapping ErrRetry while j has attempts
// left; on its last attempt, or for a failure that would not pass (a
// client error), the source's copy is recorded failed and the job ends. A
// source that no longer exists, whose URL changed meanwhile, or whose copy
// is already saved (a job run again) is nothing to do.
func (w *Saver) Run(ctx context.Context, j *models.Job) (time.Duration, error) {
	wait, err := w.run(ctx, j)
	if wait > 0 || err != nil {
		return wait, err
	}
	// A URL changed while this job ran queued no job of its own (the key
	// was taken by this one) and left the source's copy queued: this job
	// runs again, for the new URL.
	var p models.SourceJob
	if j.Decode(&p) == nil {
		if src, err := w.Store.GetSource(ctx, p.SourceID); err == nil && src.WaybackStatus == models.WaybackQueued {
			return time.Second, nil
		}
	}
	return 0, nil
}

func (w *Saver) run(ctx context.Context, j *models.Job) (time.Duration, error) {
	var p models.SourceJob
	if err := j.Decode(&p); err != nil {
		return 0, err
	}
	src, err := w.Store.GetSource(ctx, p.SourceID)
	if errors.Is(err, models.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if src.WaybackStatus == models.WaybackSaved {
		return 0, nil
	}
	host := models.LinkHost(w.endpoint())
	wait, err := w.Store.ReserveHost(ctx, host, w.gap())
	if err != nil {
		return 0, err
	}
	if wait > 0 {
		return wait + rand.N(w.gap()), nil
	}
	target := src.URL
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target = target[:i] // fragments are not sent, nor archived
	}
	res, err := w.Fetcher.Do(ctx, fetcher.Request{URL: w.endpoint() + target, NoRedirects: true, Timeout: Timeout})
	var fe *fetcher.Error
	if err != nil && !errors.As(err, &fe) {
		return 0, err // the context ended: the job is tried again
	}
	if fe != nil {
		final := fe.Reason == fetcher.BadURL || fe.Reason == fetcher.RefusedAddress
		return 0, w.failed(ctx, j, src, models.SavePageNowReason(models.FetchReason(fe)), final)
	}
	if d, asked := retryAfter(res, w.now()); asked && d <= MaxWait {
		if err := w.Store.DelayHost(ctx, host, w.now().Add(d)); err != nil {
			return 0, err
		}
		return d, nil
	}
	if copyURL := CopyURL(res); copyURL != "" && res.Status < 400 {
		_, err := w.Store.RecordWayback(ctx, src.ID, models.WaybackInput{URL: src.URL, Status: models.WaybackSaved, ArchiveURL: copyURL, At: w.now()})
		if errors.Is(err, models.ErrNotFound) {
			return 0, nil
		}
		return 0, err
	}
	if res.Status >= 400 {
		// Client errors but time-outs and rate limits do not pass.
		final := res.Status < 500 && res.Status != http.StatusRequestTimeout && res.Status != http.StatusTooManyRequests
		return 0, w.failed(ctx, j, src, models.SavePageNowReason(models.StatusReason(res.Status)), final)
	}
	return 0, w.failed(ctx, j, src, models.SavePageNowReason(models.NewReason("reasons.fetch.no_copy", "answered {{.Status}} without the address of a copy",
		"Status", fetcher.StatusWords(res.Status))), false)
}

// failed records why src has no copy: failed for good when final or on
// j's last attempt (the job then ends), else queued with the reason and
// the job to be tried again.
func (w *Saver) failed(ctx context.Context, j *models.Job, src *models.Source, why models.Reason, final bool) error {
	status := models.WaybackFailed
	if !final && j.Attempts < j.MaxAttempts {
		status = models.WaybackQueued
	}
	_, err := w.Store.RecordWayback(ctx, src.ID, models.WaybackInput{URL: src.URL, Status: status, Error: why, At: w.now()})
	if errors.Is(err, models.ErrNotFound) {
		return nil
	}
	if err != nil || status == models.WaybackFailed {
		return err
	}
	return jobs.Explain(fmt.Errorf("%w: source %d: %s", ErrRetry, src.ID, why), why)
}

// retryAfter says whether res asks to wait, and how long: a 429 always
// (DefaultBackoff when it does not say), a 503 when it says with
// Retry-After (RFC 9110, section 10.2.3).
func retryAfter(res *fetcher.Response, now time.Time) (time.Duration, bool) {
	if res.Status != http.StatusTooManyRequests && res.Status != http.StatusServiceUnavailable {
		return 0, false
	}
	if date, err := http.ParseTime(res.Header.Get("Date")); err == nil {
		now = date
	}
	d, ok := fetcher.ParseRetryAfter(res.Header.Get("Retry-After"), now)
	switch {
	case ok && d > 0:
		return d, true
	case res.Status == http.StatusTooManyRequests:
		return DefaultBackoff, true
	}
	return 0, false
}

// CopyURL is the address of the copy that a Save Page Now answer names:
// its Content-Location, else its Location when that is a Wayback address
// (a path with /web/), else its Link header's memento (RFC 7089, section
// 2.2), made absolute against the address asked; "" when none is an http
// or https URL.
func CopyURL(res *fetcher.Response) string {
	base, err := url.Parse(res.FinalURL)
	if err != nil {
		return ""
	}
	candidates := []string{res.Header.Get("Content-Location")}
	if loc := res.Header.Get("Location"); strings.Contains(loc, "/web/") {
		candidates = append(candidates, loc)
	}
	candidates = append(candidates, mementoLink(res.Header.Values("Link")))
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		ref, err := url.Parse(c)
		if err != nil {
			continue
		}
		abs := base.ResolveReference(ref)
		if (abs.Scheme == "http" || abs.Scheme == "https") && abs.Host != "" && strings.Contains(abs.Path, "/web/") {
			return abs.String()
		}
	}
	return ""
}

// mementoLink is the target of the last link whose rel holds "memento" in
// Link header values ("<…>; rel=\"first memento\"; datetime=\"…\", <…>;
// rel=\"memento\""), or "".
func mementoLink(values []string) string {
	found := ""
	for _, v := range values {
		for v != "" {
			open := strings.IndexByte(v, '<')
			end := strings.IndexByte(v, '>')
			if open < 0 || end < open {
				break
			}
			target := v[open+1 : end]
			rest := v[end+1:]
			params := rest
			if next := strings.IndexByte(rest, '<'); next >= 0 {
				params, rest = rest[:next], rest[next:]
			} else {
				rest = ""
			}
			for param := range strings.SplitSeq(params, ";") {
				name, value, ok := strings.Cut(strings.TrimSpace(param), "=")
				if !ok || !strings.EqualFold(strings.TrimSpace(name), "rel") {
					continue
				}
				value = strings.Trim(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(value), ",")), `"`)
				for _, rel := range strings.Fields(value) {
					if strings.EqualFold(rel, "memento") {
						found = target
					}
				}
			}
			v = rest
		}
	}
	return found
}
