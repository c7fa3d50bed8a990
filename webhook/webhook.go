// Package webhook sends webhook deliveries: the deliver_webhook background
// job (models.JobDeliverWebhook). Each delivery is a JSON POST of the body
// the store wrote when the event happened (models.WebhookPayload), through
// the product's one outside-URL fetcher (no redirects followed, private
// and loopback addresses refused unless --fetch-allow names them), with
// these headers:
//
//	Content-Type: application/json
//	X-Claimtracker-Event: claim.published
//	X-Claimtracker-Delivery: 42 (the delivery's id, also the body's "id")
//	X-Claimtracker-Signature: sha256=HEX
//
// HEX is the lower-case hexadecimal HMAC-SHA256 (RFC 2104, FIPS 180-4) of
// the exact body bytes, keyed with the webhook's secret. Every attempt of
// a delivery sends the same bytes and so the same signature.
//
// A 2xx answer delivers it. A 408, a 429, a 5xx, an address that cannot
// be reached or a time-out is tried again with the jobs runner's backoff
// (a 429 or 503's Retry-After is honoured, up to MaxRetryAfter), until the
// job's attempts run out. Any other answer (a 3xx, which is not followed,
// or a 4xx), a URL the fetcher refuses (a private address) or a webhook
// that was disabled meanwhile fails it at once. Each attempt's outcome is
// recorded on the delivery (models.Store.RecordDeliveryAttempt).
package webhook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
)

// Timeout bounds one attempt, from resolving the host to the end of the
// answer.
const Timeout = 10 * time.Second

// MaxRetryAfter is the longest Retry-After honoured; a longer one is
// retried with the runner's backoff instead.
const MaxRetryAfter = time.Hour

// maxWaits bounds how many attempts of one delivery may end in a
// Retry-After wait, which does not use up the job's attempts: past it, a
// 429 or 503 counts as a failed attempt.
const maxWaits = 10

// The headers of a delivery.
const (
	HeaderSignature = "X-Claimtracker-Signature"
	HeaderEvent     = "X-Claimtracker-Event"
	HeaderDelivery  = "X-Claimtracker-Delivery"
)

// Sign is the X-Claimtracker-Signature value of body under secret:
// "sha256=" and the hex HMAC-SHA256 of body keyed with secret.
func Sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify reports whether signature, a received X-Claimtracker-Signature
// value, is body's under secret; it compares in constant time.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Sender runs the deliver_webhook job.
type Sender struct {
	// Store holds the webhooks and their deliveries.
	Store *models.Store
	// Fetcher sends the requests; its allowed networks are --fetch-allow.
	Fetcher *fetcher.Client
	// Timeout bounds each attempt; 0 is Timeout.
	Timeout time.Duration
}

func (s *Sender) timeout() time.Duration {
	if s.Timeout <= 0 {
		return Timeout
	}
	return s.Timeout
}

// errStatus is an answer that is not a 2xx.
type errStatus struct{ status int }

func (e errStatus) Error() string { return "answered " + fetcher.StatusWords(e.status) }

// Handle sends the delivery that job j (a models.WebhookJob) names, as
// the package comment says, and records the attempt. A delivery that is
// gone (its webhook was deleted) or no longer pending is nothing to do.
func (s *Sender) Handle(ctx context.Context, j *models.Job) error {
	var p models.WebhookJob
	if err := j.Decode(&p); err != nil {
		return jobs.Permanent(err)
	}
	d, w, err := s.Store.DeliveryToSend(ctx, p.DeliveryID)
	if err != nil {
		return err
	}
	if d == nil || d.State != models.DeliveryPending {
		return nil
	}
	start := s.Store.Now()
	if !w.Active() {
		// Dropped quietly: the admin turned the webhook off.
		why := models.ReasonDeliveryPaused
		return s.Store.RecordDeliveryAttempt(ctx, d.ID, models.DeliveryAttempt{State: models.DeliveryFailed, At: start, Error: why.String(), Reason: why})
	}
	body := []byte(d.Body)
	header := http.Header{}
	header.Set("Content-Type", "application/json")
	header.Set(HeaderEvent, d.Event)
	header.Set(HeaderDelivery, strconv.FormatUint(uint64(d.ID), 10))
	header.Set(HeaderSignature, Sign(w.Secret, body))
	res, err := s.Fetcher.Do(ctx, fetcher.Request{Method: http.MethodPost, URL: w.URL, Header: header, Body: body, NoRedirects: true, Timeout: s.timeout()})
	took := s.Store.Now().Sub(start)
	last := j.Attempts >= j.MaxAttempts
	var fe *fetcher.Error
	if err != nil && !errors.As(err, &fe) {
		return err // the context ended: the job runs again
	}
	attempt := models.DeliveryAttempt{State: models.DeliveryPending, At: start, Duration: took}
	var failure error
	final := last
	var wait time.Duration
	switch {
	case fe != nil:
		attempt.Reason = models.AddressReason(models.FetchReason(fe))
		attempt.Error = attempt.Reason.String()
		failure = jobs.Explain(fe, attempt.Reason)
		final = final || fe.Reason == fetcher.BadURL || fe.Reason == fetcher.RefusedAddress
	case res.Status >= 200 && res.Status <= 299:
		attempt.State, attempt.Status = models.DeliveryDelivered, res.Status
		return s.Store.RecordDeliveryAttempt(ctx, d.ID, attempt)
	default:
		attempt.Status = res.Status
		why := models.StatusReason(res.Status)
		if res.Status >= 300 && res.Status <= 399 {
			why = models.NewReason("reasons.webhook.redirect", "answered {{.Status}}; redirects are not followed", "Status", fetcher.StatusWords(res.Status))
		}
		attempt.Reason = models.AddressReason(why)
		attempt.Error = attempt.Reason.String()
		failure = jobs.Explain(errStatus{res.Status}, attempt.Reason)
		passing := res.Status == http.StatusRequestTimeout || res.Status == http.StatusTooManyRequests || res.Status >= 500
		final = final || !passing
		if ra, ok := fetcher.ParseRetryAfter(res.Header.Get("Retry-After"), s.Store.Now()); ok && passing && !final &&
			(res.Status == http.StatusTooManyRequests || res.Status == http.StatusServiceUnavailable) && ra <= MaxRetryAfter {
			wait = ra
		}
	}
	if wait > 0 && d.Attempts+1 >= maxWaits {
		wait = 0
	}
	if final {
		attempt.State = models.DeliveryFailed
	}
	if err := s.Store.RecordDeliveryAttempt(ctx, d.ID, attempt); err != nil {
		return err
	}
	switch {
	case final:
		return jobs.Permanent(failure)
	case wait > 0:
		return jobs.RetryAfter(failure, wait)
	}
	return fmt.Errorf("delivery %d: %w", d.ID, failure)
}
