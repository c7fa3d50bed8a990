package webhook_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/webhook"
)

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// received is one request the receiver got.
type received struct {
	header http.Header
	body   []byte
}

// receiver is a local web server standing in for a newsroom's endpoint:
// it keeps what it is sent and answers with the next status of its
// script (the last one once the script runs out).
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []received
	script []int
	extra  http.Header
}

func newReceiver(t *testing.T, script ...int) *receiver {
	t.Helper()
	r := &receiver{script: script, extra: http.Header{}}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, received{header: req.Header.Clone(), body: body})
		status := r.script[min(len(r.got), len(r.script))-1]
		for k, v := range r.extra {
			w.Header()[k] = v
		}
		r.mu.Unlock()
		if status >= 300 && status < 400 {
			w.Header().Set("Location", "https://elsewhere.example.org/hook")
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// world is a newsroom on one database whose clock the test moves, with a
// jobs runner that sends deliveries through a fetcher allowed to reach
// 127.0.0.1.
type world struct {
	s                  *models.Store
	now                *time.Time
	admin, ed, ed2     *models.User
	rev                *models.User
	runner             *jobs.Runner
	m                  models.Meta
	quote, explanation string
}

const secret = "a-long-enough-shared-secret"

func newWorld(t *testing.T, allow []netip.Prefix, fn func(t *testing.T, w *world)) {
	now := time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
	clock := &now
	cfg := models.Config{Now: func() time.Time { return *clock }, BaseURL: "https://facts.example.org/"}
	modelstest.ForEach(t, cfg, func(t *testing.T, s *models.Store) {
		now = time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
		w := &world{s: s, now: clock, m: models.Meta{IP: "192.0.2.1"},
			admin: modelstest.User(t, s, "admin@example.org", models.RoleAdmin),
			ed:    modelstest.User(t, s, "ed@example.org", models.RoleEditor),
			ed2:   modelstest.User(t, s, "ed2@example.org", models.RoleEditor),
			rev:   modelstest.User(t, s, "rev@example.org", models.RoleReviewer),
			quote: "I did not have communications with the Russians"}
		w.runner = jobs.New(s, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
		sender := &webhook.Sender{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: allow}), Timeout: 5 * time.Second}
		w.runner.Handle(models.JobDeliverWebhook, sender.Handle)
		fn(t, w)
	})
}

func (w *world) hook(t *testing.T, url string, events ...string) *models.Webhook {
	t.Helper()
	h, err := w.s.CreateWebhook(t.Context(), w.admin, w.m, models.WebhookInput{Name: "Slack #desk", URL: url, Events: events, Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func (w *world) drain(t *testing.T) {
	t.Helper()
	if err := w.runner.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// published logs a claim and has it published: claim.sent_to_review,
// then claim.published.
func (w *world) published(t *testing.T) *models.Claim {
	t.Helper()
	ctx := t.Context()
	c, err := w.s.CreateClaim(ctx, w.ed, w.m, models.ClaimInput{Text: w.quote, Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := w.s.ProposeVerdict(ctx, w.ed, w.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings were reported."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.ReviewVerdict(ctx, w.rev, w.m, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: 1}); err != nil {
		t.Fatal(err)
	}
	return c
}

func (w *world) deliveries(t *testing.T, h *models.Webhook) []models.WebhookDelivery {
	t.Helper()
	ds, err := w.s.WebhookDeliveries(t.Context(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// checkSigned fails unless r carries the headers of a delivery of event
// and a signature that is the HMAC-SHA256 of its body under secret.
func checkSigned(t *testing.T, r received, event string) {
	t.Helper()
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(r.body)
	if got, want := r.header.Get("X-Claimtracker-Signature"), "sha256="+hex.EncodeToString(mac.Sum(nil)); got != want {
		t.Errorf("signature %q, want %q", got, want)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if ev := r.header.Get("X-Claimtracker-Event"); ev != event {
		t.Errorf("X-Claimtracker-Event %q, want %q", ev, event)
	}
	var p struct{ ID uint }
	if err := json.Unmarshal(r.body, &p); err != nil || r.header.Get("X-Claimtracker-Delivery") != strconv.FormatUint(uint64(p.ID), 10) {
		t.Errorf("X-Claimtracker-Delivery %q for the body's id %d (%v)", r.header.Get("X-Claimtracker-Delivery"), p.ID, err)
	}
}

// A published claim reaches the newsroom's endpoint signed with the
// webhook's secret; the endpoint's 500 is tried again with the runner's
// backoff, with the very same bytes and signature, and the log shows both
// attempts.
func TestDeliverySignedAndRetriedAfterServerError(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		rcv := newReceiver(t, 500, 200)
		h := w.hook(t, rcv.URL+"/hooks/claims", models.WebhookClaimPublished)
		c := w.published(t)
		w.drain(t)
		if got := rcv.requests(); len(got) != 1 {
			t.Fatalf("%d requests after the first run, want 1", len(got))
		}
		ds := w.deliveries(t, h)
		if len(ds) != 1 || ds[0].State != models.DeliveryPending || ds[0].Attempts != 1 || ds[0].Status != 500 ||
			!strings.Contains(ds[0].Error, "500 Internal Server Error") || ds[0].Reason.ID != "reasons.fetch.the_address" {
			t.Fatalf("after the 500: %+v", ds)
		}
		w.drain(t) // not due yet: nothing is sent
		if got := rcv.requests(); len(got) != 1 {
			t.Fatalf("retried before its backoff: %d requests", len(got))
		}
		*w.now = w.now.Add(time.Hour)
		w.drain(t)
		got := rcv.requests()
		if len(got) != 2 {
			t.Fatalf("%d requests, want 2", len(got))
		}
		for _, r := range got {
			checkSigned(t, r, "claim.published")
		}
		if string(got[0].body) != string(got[1].body) || got[0].header.Get("X-Claimtracker-Signature") != got[1].header.Get("X-Claimtracker-Signature") {
			t.Errorf("the retry sent other bytes:\n%s\n%s", got[0].body, got[1].body)
		}
		ds = w.deliveries(t, h)
		if ds[0].State != models.DeliveryDelivered || ds[0].Attempts != 2 || ds[0].Status != 200 || ds[0].Error != "" || ds[0].DeliveredAt == nil ||
			ds[0].Body != string(got[1].body) {
			t.Errorf("after the 200: %+v", ds[0])
		}
		var p map[string]any
		if err := json.Unmarshal(got[1].body, &p); err != nil {
			t.Fatal(err)
		}
		want := map[string]any{
			"id": float64(ds[0].ID), "event": "claim.published", "occurred_at": "2026-04-02T09:30:00Z",
			"claim": map[string]any{"id": float64(c.ID), "status": "published", "quote": w.quote, "speaker": "Jeff Sessions",
				"desk_url": "https://facts.example.org/desk/claims/" + strconv.FormatUint(uint64(c.ID), 10),
				"url":      "https://facts.example.org/claims/" + c.Slug},
			"actor":  map[string]any{"id": float64(w.rev.ID), "name": "Test rev"},
			"user":   nil,
			"rating": map[string]any{"slug": "false", "label": "False"},
		}
		for k, v := range want {
			if gj, wj := jsonText(p[k]), jsonText(v); gj != wj {
				t.Errorf("%s: %s, want %s", k, gj, wj)
			}
		}
		if v, ok := p["verdict"].(map[string]any); !ok || v["id"] == nil {
			t.Errorf("verdict: %v", p["verdict"])
		}
	})
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// An answer that trying again will not change (a 4xx, a redirect, which
// is not followed) fails the delivery at once with its reason; so does a
// loopback address that the fetcher is not allowed to reach.
func TestDeliveryFailsForGood(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		words  string
	}{
		{"client error", 404, "answered 404 Not Found"},
		{"redirect", 302, "answered 302 Found; redirects are not followed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			newWorld(t, loopback, func(t *testing.T, w *world) {
				rcv := newReceiver(t, tc.status)
				h := w.hook(t, rcv.URL, models.WebhookClaimPublished)
				w.published(t)
				w.drain(t)
				*w.now = w.now.Add(24 * time.Hour)
				w.drain(t)
				if n := len(rcv.requests()); n != 1 {
					t.Errorf("%d requests, want 1: not retried", n)
				}
				ds := w.deliveries(t, h)
				if len(ds) != 1 || ds[0].State != models.DeliveryFailed || ds[0].Attempts != 1 || ds[0].Status != tc.status ||
					ds[0].Error != "The address "+tc.words {
					t.Errorf("delivery: %+v", ds)
				}
				jl, _ := w.s.ListJobs(t.Context(), models.JobFilter{State: models.JobFailed})
				if len(jl.Items) != 1 || jl.Items[0].Kind != models.JobDeliverWebhook || jl.Items[0].Attempts != 1 {
					t.Errorf("failed jobs: %+v", jl.Items)
				}
			})
		})
	}
	t.Run("refused address", func(t *testing.T) {
		newWorld(t, nil, func(t *testing.T, w *world) {
			rcv := newReceiver(t, 200)
			h := w.hook(t, rcv.URL, models.WebhookClaimPublished)
			w.published(t)
			w.drain(t)
			if n := len(rcv.requests()); n != 0 {
				t.Errorf("a refused address got %d requests", n)
			}
			ds := w.deliveries(t, h)
			if len(ds) != 1 || ds[0].State != models.DeliveryFailed || ds[0].Attempts != 1 || ds[0].Status != 0 ||
				!strings.Contains(ds[0].Error, "127.0.0.1, a loopback address") || ds[0].Reason.ID != "reasons.fetch.the_address" {
				t.Errorf("delivery: %+v", ds)
			}
		})
	})
}

// A 429 with Retry-After waits as long as it asks (within MaxRetryAfter),
// without using up the job's attempts.
func TestDeliveryHonoursRetryAfter(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		rcv := newReceiver(t, 429, 204)
		rcv.extra.Set("Retry-After", "120")
		h := w.hook(t, rcv.URL, models.WebhookClaimPublished)
		w.published(t)
		w.drain(t)
		jl, _ := w.s.ListJobs(t.Context(), models.JobFilter{State: models.JobQueued})
		if len(jl.Items) != 1 || !jl.Items[0].RunAt.Equal(w.now.Add(120*time.Second)) || jl.Items[0].Attempts != 0 {
			t.Fatalf("queued jobs after the 429: %+v", jl.Items)
		}
		*w.now = w.now.Add(119 * time.Second)
		w.drain(t)
		if n := len(rcv.requests()); n != 1 {
			t.Fatalf("sent again before Retry-After: %d requests", n)
		}
		*w.now = w.now.Add(time.Second)
		w.drain(t)
		if ds := w.deliveries(t, h); ds[0].State != models.DeliveryDelivered || ds[0].Attempts != 2 || ds[0].Status != 204 {
			t.Errorf("delivery: %+v", ds[0])
		}
	})
}

// Each webhook gets the events it subscribed to, and only those, in the
// order they happened; with none subscribed nothing is queued. No body
// ever holds a note's words or a verdict's explanation, published or not.
func TestOnlySubscribedEventsAndNoInternalWords(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		ctx := t.Context()
		const noteMarker, explanationMarker, headlineMarker = "NOTE-MARKER-7f3a", "EXPLANATION-MARKER-91c2", "HEADLINE-MARKER-44d0"
		// Nothing subscribes yet: a claim assigned queues nothing.
		if _, err := w.s.CreateClaim(ctx, w.ed, w.m, models.ClaimInput{Text: "Crime fell by half", Summary: "Crime halved", Speaker: "The Mayor", AssigneeID: w.ed2.ID}); err != nil {
			t.Fatal(err)
		}
		if n, _ := w.s.JobCounts(ctx); n[models.JobQueued] != 0 {
			t.Fatalf("%d jobs queued with no webhook", n[models.JobQueued])
		}
		all := newReceiver(t, 200)
		pub := newReceiver(t, 200)
		hAll := w.hook(t, all.URL, models.WebhookEvents...)
		hPub := w.hook(t, pub.URL, models.WebhookClaimPublished)
		off := w.hook(t, pub.URL+"/off", models.WebhookEvents...)
		if err := w.s.SetWebhookActive(ctx, w.admin, w.m, off.ID, false); err != nil {
			t.Fatal(err)
		}

		c, err := w.s.CreateClaim(ctx, w.ed, w.m, models.ClaimInput{Text: w.quote, Summary: "Sessions said he had no communications",
			Speaker: "Jeff Sessions", AssigneeID: w.ed2.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.AddNote(ctx, w.ed, w.m, c.ID, models.NoteInput{Body: "@rev please look: " + noteMarker}); err != nil {
			t.Fatal(err)
		}
		v, err := w.s.ProposeVerdict(ctx, w.ed, w.m, c.ID, models.VerdictInput{Rating: "mostly-false", Headline: headlineMarker, Explanation: "Draft " + explanationMarker})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.ReviewVerdict(ctx, w.rev, w.m, v.ID, models.ReviewInput{Decision: models.DecisionRequestChanges, Comment: "More " + noteMarker, Version: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.ReviseVerdict(ctx, w.ed, w.m, v.ID, models.VerdictInput{Rating: "false", Headline: headlineMarker, Explanation: "Final " + explanationMarker}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.ReviewVerdict(ctx, w.rev, w.m, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.AddCorrection(ctx, w.ed, w.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Clarified a date."}); err != nil {
			t.Fatal(err)
		}
		w.drain(t)

		type seen struct {
			Event   string
			Claim   struct{ Status, URL string }
			User    *struct{ ID uint }
			Rating  *struct{ Label string }
			Note    *struct{ ID uint }
			Verdict *struct{ ID uint }
		}
		var events []string
		var payloads []seen
		for _, r := range all.requests() {
			for _, m := range []string{noteMarker, explanationMarker, headlineMarker} {
				if strings.Contains(string(r.body), m) {
					t.Errorf("a delivery holds %s:\n%s", m, r.body)
				}
			}
			var p seen
			if err := json.Unmarshal(r.body, &p); err != nil {
				t.Fatal(err)
			}
			checkSigned(t, r, p.Event)
			events, payloads = append(events, p.Event), append(payloads, p)
		}
		want := []string{"claim.assigned", "claim.mentioned", "claim.sent_to_review", "claim.sent_back", "claim.sent_to_review", "claim.published", "claim.corrected"}
		if !slices.Equal(events, want) {
			t.Fatalf("events %v, want %v", events, want)
		}
		if len(payloads) == len(want) {
			// Each payload gives the claim's status after the change.
			var statuses []string
			for _, p := range payloads {
				statuses = append(statuses, p.Claim.Status)
			}
			if wantSt := []string{"draft", "draft", "in_review", "researching", "in_review", "published", "published"}; !slices.Equal(statuses, wantSt) {
				t.Errorf("claim statuses %v, want %v", statuses, wantSt)
			}
			if p := payloads[0]; p.User == nil || p.User.ID != w.ed2.ID || p.Claim.Status != "draft" || p.Claim.URL != "" || p.Rating != nil {
				t.Errorf("assigned: %+v", p)
			}
			if p := payloads[1]; p.User == nil || p.User.ID != w.rev.ID || p.Note == nil {
				t.Errorf("mentioned: %+v", p)
			}
			if p := payloads[3]; p.User == nil || p.User.ID != w.ed.ID || p.Verdict == nil || p.Verdict.ID != v.ID || p.Rating != nil {
				t.Errorf("sent back: %+v", p)
			}
			if p := payloads[5]; p.Rating == nil || p.Rating.Label != "False" || p.Claim.URL == "" {
				t.Errorf("published: %+v", p)
			}
			if p := payloads[6]; p.Rating == nil || p.Rating.Label != "False" {
				t.Errorf("corrected: %+v", p)
			}
		}
		if got := pub.requests(); len(got) != 1 || !strings.Contains(string(got[0].body), `"event":"claim.published"`) {
			t.Errorf("the published-only webhook got %d requests", len(got))
		}
		if n := len(w.deliveries(t, hPub)); n != 1 {
			t.Errorf("%d deliveries for the published-only webhook", n)
		}
		if n := len(w.deliveries(t, hAll)); n != len(want) {
			t.Errorf("%d deliveries for the webhook of every event", n)
		}
		if n := len(w.deliveries(t, off)); n != 0 {
			t.Errorf("%d deliveries for a disabled webhook", n)
		}
	})
}

// A webhook turned off or deleted after its delivery was queued is not
// sent to; an admin may send a failed delivery again, the same bytes.
func TestDisabledDeletedAndSentAgain(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		ctx := t.Context()
		rcv := newReceiver(t, 410, 200)
		paused := w.hook(t, rcv.URL+"/paused", models.WebhookClaimPublished)
		gone := w.hook(t, rcv.URL+"/gone", models.WebhookClaimPublished)
		h := w.hook(t, rcv.URL+"/kept", models.WebhookClaimPublished)
		w.published(t)
		if err := w.s.SetWebhookActive(ctx, w.admin, w.m, paused.ID, false); err != nil {
			t.Fatal(err)
		}
		// Pausing drops what waits at once, as the log then says: turned
		// on again before the jobs run, it does not send them after all.
		if ds := w.deliveries(t, paused); len(ds) != 1 || ds[0].State != models.DeliveryFailed {
			t.Errorf("the paused webhook's delivery, before the jobs run: %+v", ds)
		}
		if err := w.s.SetWebhookActive(ctx, w.admin, w.m, paused.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := w.s.DeleteWebhook(ctx, w.admin, w.m, gone.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.WebhookDeliveries(ctx, gone.ID); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("deliveries of a deleted webhook: %v", err)
		}
		w.drain(t)
		got := rcv.requests()
		if len(got) != 1 || got[0].header.Get("X-Claimtracker-Event") != "claim.published" {
			t.Fatalf("%d requests, want only the kept webhook's", len(got))
		}
		if ds := w.deliveries(t, paused); len(ds) != 1 || ds[0].State != models.DeliveryFailed || ds[0].Reason.ID != "reasons.webhook.disabled" {
			t.Errorf("the paused webhook's delivery: %+v", ds)
		}
		ds := w.deliveries(t, h)
		if ds[0].State != models.DeliveryFailed || ds[0].Status != 410 {
			t.Fatalf("kept: %+v", ds[0])
		}
		if _, err := w.s.RedeliverWebhook(ctx, w.ed, w.m, ds[0].ID); !errors.Is(err, models.ErrForbidden) {
			t.Errorf("an editor sent a delivery again: %v", err)
		}
		if _, err := w.s.RedeliverWebhook(ctx, w.admin, w.m, ds[0].ID); err != nil {
			t.Fatal(err)
		}
		w.drain(t)
		got = rcv.requests()
		if len(got) != 2 || string(got[1].body) != string(got[0].body) {
			t.Fatalf("sent again: %d requests", len(got))
		}
		checkSigned(t, got[1], "claim.published")
		if ds := w.deliveries(t, h); ds[0].State != models.DeliveryDelivered || ds[0].Attempts != 2 {
			t.Errorf("after sending again: %+v", ds[0])
		}
		var ce *models.ConflictError
		if _, err := w.s.RedeliverWebhook(ctx, w.admin, w.m, ds[0].ID); !errors.As(err, &ce) {
			t.Errorf("a delivered delivery sent again: %v", err)
		}
	})
}

// Delivered and failed deliveries older than the keep are pruned; pending
// ones stay.
func TestPruneDeliveries(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		rcv := newReceiver(t, 200)
		h := w.hook(t, rcv.URL, models.WebhookClaimPublished, models.WebhookClaimSentToReview)
		w.published(t)
		w.drain(t)
		*w.now = w.now.Add(models.DefaultDeliveryKeep + time.Hour)
		w.published(t) // two more, pending
		n, err := w.s.PruneWebhookDeliveries(t.Context(), w.now.Add(-models.DefaultDeliveryKeep))
		if err != nil || n != 2 {
			t.Fatalf("pruned %d (%v), want 2", n, err)
		}
		if ds := w.deliveries(t, h); len(ds) != 2 || ds[0].State != models.DeliveryPending {
			t.Errorf("left: %+v", ds)
		}
	})
}

// Verify accepts the signature Sign makes, and no other.
func TestSignAndVerify(t *testing.T) {
	body := []byte(`{"id":1}`)
	sig := webhook.Sign("secret-of-sixteen", body)
	mac := hmac.New(sha256.New, []byte("secret-of-sixteen"))
	mac.Write(body)
	if sig != "sha256="+hex.EncodeToString(mac.Sum(nil)) {
		t.Errorf("Sign = %q", sig)
	}
	if !webhook.Verify("secret-of-sixteen", body, sig) || webhook.Verify("secret-of-sixteen", []byte(`{"id":2}`), sig) || webhook.Verify("other-secret-16ch", body, sig) {
		t.Error("Verify")
	}
}

// A delivery failed by its webhook's pause may still have its job waiting
// out a backoff: sent again, it goes now, with fresh attempts, not when
// the old job's time comes.
func TestSentAgainAfterAPauseGoesNow(t *testing.T) {
	newWorld(t, loopback, func(t *testing.T, w *world) {
		ctx := t.Context()
		rcv := newReceiver(t, 500, 200)
		h := w.hook(t, rcv.URL+"/hook", models.WebhookClaimPublished)
		w.published(t)
		w.drain(t) // a 500: the job waits to be tried again
		if err := w.s.SetWebhookActive(ctx, w.admin, w.m, h.ID, false); err != nil {
			t.Fatal(err)
		}
		if err := w.s.SetWebhookActive(ctx, w.admin, w.m, h.ID, true); err != nil {
			t.Fatal(err)
		}
		ds := w.deliveries(t, h)
		if len(ds) != 1 || ds[0].State != models.DeliveryFailed {
			t.Fatalf("after the pause: %+v", ds)
		}
		if _, err := w.s.RedeliverWebhook(ctx, w.admin, w.m, ds[0].ID); err != nil {
			t.Fatal(err)
		}
		w.drain(t)
		if got := rcv.requests(); len(got) != 2 {
			t.Errorf("%d requests, want the first and the one sent again now", len(got))
		}
		if ds := w.deliveries(t, h); ds[0].State != models.DeliveryDelivered {
			t.Errorf("sent again: %+v", ds[0])
		}
	})
}
