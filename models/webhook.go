package models

import (
	"context"
	"crypto/rand"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimtracker/fetcher"
	"claimtracker/input"
)

// Outgoing webhooks. An admin subscribes an outside URL to workflow
// events (WebhookEvents); every event recorded (see recordEvent) becomes,
// in the same transaction, one WebhookDelivery per active webhook
// subscribed to it, with the exact JSON body to send (WebhookPayload), and
// a background job (JobDeliverWebhook) that POSTs it: a delivery exists
// exactly when its change committed, and every attempt sends the same
// bytes under the same signature. Package webhook sends them.

// The event names a webhook subscribes to: "claim." and the EventKind.
const (
	WebhookClaimAssigned     = "claim.assigned"
	WebhookClaimMentioned    = "claim.mentioned"
	WebhookClaimSentToReview = "claim.sent_to_review"
	WebhookClaimSentBack     = "claim.sent_back"
	WebhookClaimPublished    = "claim.published"
	WebhookClaimCorrected    = "claim.corrected"
)

// WebhookEvents lists every event name, in the order of the workflow.
var WebhookEvents = []string{
	WebhookClaimAssigned, WebhookClaimMentioned, WebhookClaimSentToReview,
	WebhookClaimSentBack, WebhookClaimPublished, WebhookClaimCorrected,
}

// WebhookEventName is the webhook event name of a workflow event's kind:
// "claim.published" for EventPublished.
func WebhookEventName(k EventKind) string { return "claim." + string(k) }

// MinWebhookSecret and MaxWebhookSecret bound a webhook secret's length,
// in characters.
const (
	MinWebhookSecret = 16
	MaxWebhookSecret = 200
)

// MaxWebhookName is the longest name a webhook may have, in characters.
const MaxWebhookName = 100

// DefaultDeliveryKeep is how long delivered and failed deliveries stay in
// the log before PruneWebhookDeliveries removes them: 30 days.
const DefaultDeliveryKeep = 30 * 24 * time.Hour

// EventNames is a webhook's subscribed event names, kept in one TEXT
// column as the names separated by spaces with a space at each end
// (" claim.published claim.corrected "), so that one LIKE finds the
// webhooks of an event.
type EventNames []string

// Has reports whether name is one of the names.
func (n EventNames) Has(name string) bool { return slices.Contains(n, name) }

// Value keeps the names as the column holds them.
func (n EventNames) Value() (driver.Value, error) {
	return " " + strings.Join(n, " ") + " ", nil
}

// Scan reads the names back from the column.
func (n *EventNames) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*n = strings.Fields(v)
	case []byte:
		*n = strings.Fields(string(v))
	case nil:
		*n = nil
	default:
		return fmt.Errorf("webhook events: cannot read %T", src)
	}
	return nil
}

// Webhook is an outside URL that is sent the workflow events it is
// subscribed to. Secret signs every body (see package webhook); it is
// shown once, when the webhook is made. A disabled webhook (DisabledAt
// set) gets no new deliveries, and its pending ones are dropped.
type Webhook struct {
	ID         uint
	Name       string
	URL        string
	Events     EventNames
	Secret     string `json:"-"`
	CreatedBy  *uint
	Creator    *User `gorm:"foreignKey:CreatedBy"`
	CreatedAt  time.Time
	DisabledAt *time.Time
}

// Active reports whether the webhook gets deliveries.
func (w *Webhook) Active() bool { return w.DisabledAt == nil }

// Title is how pages name w: its name, or its URL when it has none.
func (w *Webhook) Title() string {
	if w.Name != "" {
		return w.Name
	}
	return w.URL
}

// ReasonDeliveryPaused is why a delivery failed that was waiting when its
// webhook was paused.
var ReasonDeliveryPaused = NewReason("reasons.webhook.disabled", "The webhook was paused before this was sent.")

// DeliveryState is where a delivery stands.
type DeliveryState string

// The states of a delivery: pending (not sent yet, or to be tried again),
// delivered (a 2xx answer came), failed (for good: a refusal, an answer
// that trying again will not change, the attempts ran out, or the webhook
// was disabled).
const (
	DeliveryPending   DeliveryState = "pending"
	DeliveryDelivered DeliveryState = "delivered"
	DeliveryFailed    DeliveryState = "failed"
)

// WebhookDelivery is one event sent, or to be sent, to one webhook: the
// delivery log. Body is the exact JSON sent. Status is the last answer's
// HTTP status code (0: no answer came); Error says why the last attempt
// failed in English, Reason the same for people (a reason of the
// catalogue); DurationMs is how long the last attempt took, in
// milliseconds.
type WebhookDelivery struct {
	ID            uint
	WebhookID     uint
	EventID       *uint
	Event         string
	Body          string
	State         DeliveryState
	Attempts      int
	Status        int
	Error         string
	Reason        Reason
	DurationMs    int64
	CreatedAt     time.Time
	LastAttemptAt *time.Time
	DeliveredAt   *time.Time
}

// JobDeliverWebhook sends one webhook delivery; its payload is a
// WebhookJob.
const JobDeliverWebhook = "deliver_webhook"

// WebhookJob is the payload of a JobDeliverWebhook job.
type WebhookJob struct {
	DeliveryID uint `json:"delivery_id"`
}

// deliveryJobKey is the key of the job that sends delivery id.
func deliveryJobKey(id uint) string {
	return JobDeliverWebhook + ":delivery:" + strconv.FormatUint(uint64(id), 10)
}

// WebhookPayload is the JSON body of a delivery, in English, documented
// in docs/api.md ("Webhooks"). It never holds a note's words or a verdict
// that is not published: only the claim's words and status, who acted and
// whom it is about, the ids of what it is about, and, for claim.published
// and claim.corrected, the published rating.
type WebhookPayload struct {
	// ID is the delivery's id, also sent as X-Claimtracker-Delivery.
	ID    uint   `json:"id"`
	Event string `json:"event"`
	// OccurredAt is when the change was made (RFC 3339, UTC).
	OccurredAt string       `json:"occurred_at"`
	Claim      WebhookClaim `json:"claim"`
	// Actor is who made the change; null when no one person did.
	Actor *WebhookPerson `json:"actor"`
	// User is the one person the event is about (the assignee, the
	// colleague mentioned, the author whose verdict was sent back); null
	// when it concerns the whole desk.
	User       *WebhookPerson     `json:"user"`
	Verdict    *WebhookRef        `json:"verdict,omitempty"`
	Correction *WebhookCorrection `json:"correction,omitempty"`
	Note       *WebhookRef        `json:"note,omitempty"`
	// Rating is the published rating, for claim.published and
	// claim.corrected only.
	Rating *WebhookRating `json:"rating,omitempty"`
}

// WebhookClaim is the claim an event is about. Quote is the claimant's
// words as logged; DeskURL its desk page; URL its public page, only once
// it is published (or retracted, which stays public).
type WebhookClaim struct {
	ID      uint   `json:"id"`
	Status  string `json:"status"`
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
	DeskURL string `json:"desk_url"`
	URL     string `json:"url,omitempty"`
}

// WebhookPerson is a colleague: their account's id and display name.
type WebhookPerson struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// WebhookRef names an object by its id.
type WebhookRef struct {
	ID uint `json:"id"`
}

// WebhookCorrection is a correction of the published fact-check: its id
// and kind (clarification, correction, rating_change, update,
// retraction).
type WebhookCorrection struct {
	ID   uint   `json:"id"`
	Kind string `json:"kind"`
}

// WebhookRating is a published rating: its slug and label.
type WebhookRating struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

// activeWebhooks lists the webhooks that are on, by id.
func activeWebhooks(tx *gorm.DB) ([]Webhook, error) {
	var hooks []Webhook
	if err := tx.Where("disabled_at IS NULL").Order("id").Find(&hooks).Error; err != nil {
		return nil, fmt.Errorf("active webhooks: %w", err)
	}
	return hooks, nil
}

// queueWebhooks makes, in the transaction tx that records e (by actor,
// nil for none), a delivery and its job for each of hooks (the active
// webhooks) subscribed to e's event. Called by tellEvents.
func (s *Store) queueWebhooks(tx *gorm.DB, hooks []Webhook, actor *User, e *ClaimEvent) error {
	name := WebhookEventName(e.Kind)
	var to []Webhook
	for _, h := range hooks {
		if h.Events.Has(name) {
			to = append(to, h)
		}
	}
	if len(to) == 0 {
		return nil
	}
	p, err := s.webhookPayload(tx, actor, e)
	if err != nil {
		return err
	}
	now := s.now()
	for _, h := range to {
		d := &WebhookDelivery{WebhookID: h.ID, EventID: &e.ID, Event: name, Body: "{}", State: DeliveryPending, CreatedAt: now}
		if err := tx.Create(d).Error; err != nil {
			return fmt.Errorf("delivery of %s to webhook %d: %w", name, h.ID, err)
		}
		p.ID = d.ID
		b, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("delivery %d: %w", d.ID, err)
		}
		if err := tx.Model(d).Update("body", string(b)).Error; err != nil {
			return fmt.Errorf("delivery %d: %w", d.ID, err)
		}
		if err := s.enqueueJob(tx, JobDeliverWebhook, deliveryJobKey(d.ID), WebhookJob{DeliveryID: d.ID}, now); err != nil {
			return err
		}
	}
	return nil
}

// webhookPayload is the body of e's deliveries but for the delivery's ID,
// as things stand in tx.
func (s *Store) webhookPayload(tx *gorm.DB, actor *User, e *ClaimEvent) (WebhookPayload, error) {
	p := WebhookPayload{Event: WebhookEventName(e.Kind), OccurredAt: e.CreatedAt.UTC().Format(time.RFC3339)}
	var c Claim
	if err := tx.Preload("Person").Where("id = ?", e.ClaimID).Take(&c).Error; err != nil {
		return p, fmt.Errorf("claim %d of a webhook event: %w", e.ClaimID, err)
	}
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	p.Claim = WebhookClaim{ID: c.ID, Status: string(c.Status), Quote: c.Text, DeskURL: base + "/desk/claims/" + strconv.FormatUint(uint64(c.ID), 10)}
	if c.Person != nil {
		p.Claim.Speaker = c.Person.Name
	}
	if c.Status == ClaimPublished || c.Status == ClaimRetracted {
		// Percent-encoded, as every URL the site writes (a slug keeps
		// the letters of every script).
		p.Claim.URL = base + (&url.URL{Path: "/claims/" + c.Slug}).EscapedPath()
	}
	if actor != nil {
		p.Actor = &WebhookPerson{ID: actor.ID, Name: actor.Name}
	}
	var err error
	if p.User, err = webhookPerson(tx, e.UserID); err != nil {
		return p, err
	}
	if e.VerdictID != nil {
		p.Verdict = &WebhookRef{ID: *e.VerdictID}
	}
	if e.NoteID != nil {
		p.Note = &WebhookRef{ID: *e.NoteID}
	}
	if e.CorrectionID != nil {
		var corr Correction
		if err := tx.Select("id", "kind").Where("id = ?", *e.CorrectionID).Take(&corr).Error; err != nil {
			return p, fmt.Errorf("correction %d of a webhook event: %w", *e.CorrectionID, err)
		}
		p.Correction = &WebhookCorrection{ID: corr.ID, Kind: string(corr.Kind)}
	}
	if e.Kind == EventPublished || e.Kind == EventCorrected {
		// The verdict published by this change, or else the claim's
		// published one: reviewed words only.
		var v Verdict
		q := tx.Select("id", "rating_slug", "rating_label").Where("claim_id = ? AND status = ?", c.ID, VerdictPublished)
		if e.VerdictID != nil {
			q = tx.Select("id", "rating_slug", "rating_label").Where("id = ?", *e.VerdictID)
		}
		err := q.Order("id DESC").Take(&v).Error
		switch {
		case err == nil:
			p.Rating = &WebhookRating{Slug: v.RatingSlug, Label: v.RatingLabel}
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return p, fmt.Errorf("rating of a webhook event: %w", err)
		}
	}
	return p, nil
}

// webhookPerson is the account id names, or nil for none.
func webhookPerson(tx *gorm.DB, id *uint) (*WebhookPerson, error) {
	if id == nil {
		return nil, nil
	}
	var u User
	err := tx.Select("id", "name").Where("id = ?", *id).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("user %d of a webhook event: %w", *id, err)
	}
	return &WebhookPerson{ID: u.ID, Name: u.Name}, nil
}

// WebhookInput is a new webhook. Secret may be "": one is made. Check,
// when set, says why the fetcher would refuse URL before any host name is
// resolved (a *fetcher.Error: an address written in the URL that the
// fetcher's rules refuse); names are refused when a delivery is sent.
type WebhookInput struct {
	Name   string
	URL    string
	Events []string
	Secret string
	Check  func(rawURL string) error
}

// CreateWebhook adds a webhook, active, subscribed to in.Events, and
// returns it with its secret (the one given, or a new one of 128 random
// bits), which is never shown again. Admins only (ErrForbidden). A
// *ValidationError names each refused field: url (required; the one URL
// check, input.URL; a refused address), events (at least one, each one
// of WebhookEvents), secret (MinWebhookSecret to MaxWebhookSecret
// characters on one line), name (at most MaxWebhookName characters). It
// records a "webhook.create" audit event, without the secret.
func (s *Store) CreateWebhook(ctx context.Context, actor *User, m Meta, in WebhookInput) (*Webhook, error) {
	if !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("create webhook: %w", ErrForbidden)
	}
	var v Validator
	in.Name = strings.TrimSpace(in.Name)
	v.text("name", &in.Name, false, MaxWebhookName)
	if err := input.Check(in.Name, input.SingleLine); err != nil {
		v.Fail("name", InputReason(err))
	}
	v.url("url", &in.URL, true)
	if _, ok := v.fields["url"]; !ok && in.Check != nil {
		var fe *fetcher.Error
		if err := in.Check(in.URL); errors.As(err, &fe) {
			v.Fail("url", FetchReason(fe))
		}
	}
	var events EventNames
	for _, e := range in.Events {
		e = strings.TrimSpace(e)
		switch {
		case !slices.Contains(WebhookEvents, e):
			v.Fail("events", NewReason("reasons.webhook.unknown_event", "names an event that does not exist: {{.Name}}", "Name", e))
		case !events.Has(e):
			events = append(events, e)
		}
	}
	if len(in.Events) == 0 {
		v.Fail("events", ReasonRequired)
	}
	// The events in the workflow's order, whatever the order given.
	slices.SortFunc(events, func(a, b string) int { return slices.Index(WebhookEvents, a) - slices.Index(WebhookEvents, b) })
	secret := in.Secret
	if secret == "" {
		secret = "whsec_" + rand.Text()
	}
	switch n := utf8.RuneCountInString(secret); {
	case input.Check(secret, input.SingleLine) != nil:
		v.Fail("secret", InputReason(input.Check(secret, input.SingleLine)))
	case n < MinWebhookSecret:
		v.Fail("secret", ReasonMinChars(MinWebhookSecret))
	case n > MaxWebhookSecret:
		v.Fail("secret", ReasonMaxChars(MaxWebhookSecret))
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	w := &Webhook{Name: in.Name, URL: in.URL, Events: events, Secret: secret, CreatedBy: &actor.ID, CreatedAt: s.now()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(w).Error; err != nil {
			return fmt.Errorf("create webhook: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "webhook.create", objectType: "webhook", objectID: w.ID,
			after: map[string]any{"name": w.Name, "url": w.URL, "events": []string(w.Events)}})
	})
	if err != nil {
		return nil, err
	}
	w.Creator = actor
	return w, nil
}

// WebhookSummary is a webhook as the list shows it: with how many of its
// deliveries are in each state.
type WebhookSummary struct {
	Webhook
	Deliveries map[DeliveryState]int64 `gorm:"-"`
}

// ListWebhooks returns every webhook, oldest first, with its creator and
// its deliveries counted by state.
func (s *Store) ListWebhooks(ctx context.Context) ([]WebhookSummary, error) {
	var out []WebhookSummary
	err := s.Snapshot(ctx, func(ctx context.Context) error {
		var hooks []Webhook
		if err := s.read(ctx).Preload("Creator").Order("id").Find(&hooks).Error; err != nil {
			return err
		}
		var counts []struct {
			WebhookID uint
			State     DeliveryState
			N         int64
		}
		if err := s.read(ctx).Model(&WebhookDelivery{}).Select("webhook_id, state, COUNT(*) AS n").Group("webhook_id, state").Scan(&counts).Error; err != nil {
			return err
		}
		out = make([]WebhookSummary, len(hooks))
		byID := map[uint]int{}
		for i, h := range hooks {
			out[i] = WebhookSummary{Webhook: h, Deliveries: map[DeliveryState]int64{}}
			byID[h.ID] = i
		}
		for _, c := range counts {
			if i, ok := byID[c.WebhookID]; ok {
				out[i].Deliveries[c.State] = c.N
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	return out, nil
}

// GetWebhook returns webhook id with its creator; ErrNotFound when there
// is none.
func (s *Store) GetWebhook(ctx context.Context, id uint) (*Webhook, error) {
	return findWebhook(s.read(ctx).Preload("Creator"), id)
}

// findWebhook reads webhook id through q; ErrNotFound when there is none.
func findWebhook(q *gorm.DB, id uint) (*Webhook, error) {
	var w Webhook
	err := q.Where("id = ?", id).Take(&w).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("webhook %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("webhook %d: %w", id, err)
	}
	return &w, nil
}

// DeleteWebhook removes webhook id and its delivery log; its deliveries
// still queued are dropped when their jobs run. Admins only
// (ErrForbidden); ErrNotFound when there is none. It records a
// "webhook.delete" audit event.
func (s *Store) DeleteWebhook(ctx context.Context, actor *User, m Meta, id uint) error {
	if !actor.Can(RoleAdmin) {
		return fmt.Errorf("delete webhook: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		w, err := findWebhook(tx, id)
		if err != nil {
			return err
		}
		// Its deliveries go with it (ON DELETE CASCADE).
		if err := tx.Delete(&Webhook{}, id).Error; err != nil {
			return fmt.Errorf("delete webhook %d: %w", id, err)
		}
		return s.audit(tx, m, event{actor: actor, action: "webhook.delete", objectType: "webhook", objectID: id,
			before: map[string]any{"name": w.Name, "url": w.URL, "events": []string(w.Events)}})
	})
}

// SetWebhookActive turns webhook id on or off: a disabled webhook gets no
// new deliveries, and its pending ones fail at once (ReasonDeliveryPaused;
// an admin may send them again once it is on).
// Admins only (ErrForbidden); ErrNotFound when there is none. It records
// a "webhook.enable" or "webhook.disable" audit event when the state
// changes.
func (s *Store) SetWebhookActive(ctx context.Context, actor *User, m Meta, id uint, active bool) error {
	if !actor.Can(RoleAdmin) {
		return fmt.Errorf("change webhook: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		w, err := findWebhook(tx, id)
		if err != nil {
			return err
		}
		if w.Active() == active {
			return nil
		}
		var at *time.Time
		action := "webhook.enable"
		if !active {
			now := s.now()
			at, action = &now, "webhook.disable"
		}
		if err := tx.Model(&Webhook{}).Where("id = ?", id).Update("disabled_at", at).Error; err != nil {
			return fmt.Errorf("change webhook %d: %w", id, err)
		}
		if !active {
			why := ReasonDeliveryPaused
			err := tx.Model(&WebhookDelivery{}).Where("webhook_id = ? AND state = ?", id, DeliveryPending).
				Updates(map[string]any{"state": DeliveryFailed, "error": why.String(), "reason": why}).Error
			if err != nil {
				return fmt.Errorf("drop the waiting deliveries of webhook %d: %w", id, err)
			}
		}
		return s.audit(tx, m, event{actor: actor, action: action, objectType: "webhook", objectID: id})
	})
}

// MaxDeliveriesListed is how many deliveries WebhookDeliveries returns.
const MaxDeliveriesListed = 100

// WebhookDeliveries returns the latest MaxDeliveriesListed deliveries of
// webhook id, newest first; ErrNotFound when there is no such webhook.
func (s *Store) WebhookDeliveries(ctx context.Context, id uint) ([]WebhookDelivery, error) {
	var out []WebhookDelivery
	err := s.Snapshot(ctx, func(ctx context.Context) error {
		var n int64
		if err := s.read(ctx).Model(&Webhook{}).Where("id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return s.read(ctx).Where("webhook_id = ?", id).Order("id DESC").Limit(MaxDeliveriesListed).Find(&out).Error
	})
	if err != nil {
		return nil, fmt.Errorf("deliveries of webhook %d: %w", id, err)
	}
	return out, nil
}

// DeliveryToSend returns delivery id and its webhook, for the job that
// sends it; both nil when either is gone (the webhook was deleted).
func (s *Store) DeliveryToSend(ctx context.Context, id uint) (*WebhookDelivery, *Webhook, error) {
	var d WebhookDelivery
	err := s.w.WithContext(ctx).Where("id = ?", id).Take(&d).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("delivery %d: %w", id, err)
	}
	var w Webhook
	err = s.w.WithContext(ctx).Where("id = ?", d.WebhookID).Take(&w).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("webhook of delivery %d: %w", id, err)
	}
	return &d, &w, nil
}

// DeliveryAttempt is the outcome of one attempt to send a delivery: the
// state it leaves the delivery in, the answer's status (0 for none), why
// it failed (English and for people; empty when delivered), when it
// started and how long it took.
type DeliveryAttempt struct {
	State    DeliveryState
	Status   int
	Error    string
	Reason   Reason
	At       time.Time
	Duration time.Duration
}

// RecordDeliveryAttempt counts an attempt of pending delivery id and
// records its outcome. A delivery no longer pending (sent meanwhile, or
// gone) is left as it is.
func (s *Store) RecordDeliveryAttempt(ctx context.Context, id uint, a DeliveryAttempt) error {
	set := map[string]any{
		"state": a.State, "attempts": gorm.Expr("attempts + 1"), "status": a.Status, "error": jobReason(a.Error), "reason": a.Reason,
		"duration_ms": a.Duration.Milliseconds(), "last_attempt_at": a.At.UTC(),
	}
	if a.State == DeliveryDelivered {
		set["delivered_at"] = a.At.UTC()
	}
	if err := s.w.WithContext(ctx).Model(&WebhookDelivery{}).Where("id = ? AND state = ?", id, DeliveryPending).Updates(set).Error; err != nil {
		return fmt.Errorf("record attempt of delivery %d: %w", id, err)
	}
	return nil
}

// RedeliverWebhook sends failed delivery id again, the same body under
// the same signature, with fresh attempts. Admins only (ErrForbidden);
// ErrNotFound when there is none; a *ConflictError when it is not failed,
// or its webhook is disabled. It records a "webhook.redeliver" audit
// event.
func (s *Store) RedeliverWebhook(ctx context.Context, actor *User, m Meta, id uint) (*WebhookDelivery, error) {
	if !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("send delivery again: %w", ErrForbidden)
	}
	var d WebhookDelivery
	err := s.write(ctx, func(tx *gorm.DB) error {
		err := tx.Where("id = ?", id).Take(&d).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("delivery %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("delivery %d: %w", id, err)
		}
		var w Webhook
		if err := tx.Where("id = ?", d.WebhookID).Take(&w).Error; err != nil {
			return fmt.Errorf("webhook of delivery %d: %w", id, err)
		}
		if d.State != DeliveryFailed {
			return &ConflictError{Reason: NewReason("reasons.webhook.not_failed", "Delivery {{.ID}} has not failed: only a failed delivery can be sent again.", "ID", idText(d.ID))}
		}
		if !w.Active() {
			return &ConflictError{Reason: NewReason("reasons.webhook.paused", "The webhook is paused: turn it on before sending a delivery again.")}
		}
		res := tx.Model(&WebhookDelivery{}).Where("id = ? AND state = ?", d.ID, DeliveryFailed).Update("state", DeliveryPending)
		if res.Error != nil {
			return fmt.Errorf("send delivery %d again: %w", id, res.Error)
		}
		d.State = DeliveryPending
		// Its job may still wait in the queue (a delivery failed as its
		// webhook was paused): it runs now, with fresh attempts.
		if err := s.runJobNow(tx, JobDeliverWebhook, deliveryJobKey(d.ID), WebhookJob{DeliveryID: d.ID}); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "webhook.redeliver", objectType: "webhook", objectID: w.ID,
			after: map[string]any{"delivery_id": d.ID, "event": d.Event}})
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// PruneWebhookDeliveries removes the delivered and failed deliveries made
// before before, a thousand at a time, and returns how many it removed;
// pending ones stay. The jobs runner calls it with DefaultDeliveryKeep, so
// that the log of a busy webhook stays bounded.
func (s *Store) PruneWebhookDeliveries(ctx context.Context, before time.Time) (int64, error) {
	const batch = 1000
	var total int64
	for {
		res := s.w.WithContext(ctx).Exec("DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE state IN (?, ?) AND created_at < ? LIMIT "+strconv.Itoa(batch)+")",
			DeliveryDelivered, DeliveryFailed, before.UTC())
		if res.Error != nil {
			return total, fmt.Errorf("prune webhook deliveries: %w", res.Error)
		}
		total += res.RowsAffected
		if res.RowsAffected < batch {
			return total, nil
		}
	}
}

// CountWebhooks counts the webhooks, active and all.
func (s *Store) CountWebhooks(ctx context.Context) (active, all int64, err error) {
	if err := s.read(ctx).Model(&Webhook{}).Count(&all).Error; err != nil {
		return 0, 0, fmt.Errorf("count webhooks: %w", err)
	}
	if err := s.read(ctx).Model(&Webhook{}).Where("disabled_at IS NULL").Count(&active).Error; err != nil {
		return 0, 0, fmt.Errorf("count webhooks: %w", err)
	}
	return active, all, nil
}
