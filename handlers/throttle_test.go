package handlers_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestLoginLockoutAnswers429(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			// Two failures before the lock, to keep the test short; the
			// rule is the same for any number.
			cfg := models.Config{Now: clock, AccountFailuresBeforeLock: 2, Logger: slog.New(slog.DiscardHandler)}
			ts := newServerOn(t, modelstest.Open(t, engine, cfg))
			ed := modelstest.User(t, ts.store, "ed@example.org", models.RoleEditor)
			c := ts.client(t)
			for i := range 2 {
				if r := ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {fmt.Sprint("wrong password ", i)}}); r.status != http.StatusUnauthorized {
					t.Fatalf("failure %d: %d", i+1, r.status)
				}
			}
			// The right password during the lockout: 429, and no session.
			r := ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}, "next": {"/desk/review"}})
			if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "1" {
				t.Fatalf("right password during the lockout: %d, Retry-After %q; want 429, 1", r.status, r.header.Get("Retry-After"))
			}
			mustContain(t, "throttled login page", r.body, "Too many failed sign-ins", "Try again in 1 second.", `value="ed@example.org"`, `value="/desk/review"`)
			if ts.sessionCookie(t, c) != nil {
				t.Fatal("a throttled login set a session cookie")
			}
			if n, _ := ts.store.CountSessions(context.Background(), ed.ID); n != 0 {
				t.Fatalf("sessions = %d", n)
			}
			ev, _ := ts.store.AuditEvents(context.Background(), models.AuditQuery{Action: "login.throttled"})
			if len(ev) != 1 || ev[0].IP != "127.0.0.1" || ev[0].Actor != "ed@example.org" {
				t.Fatalf("throttled attempts audited: %+v", ev)
			}
			mu.Lock()
			now = now.Add(time.Second)
			mu.Unlock()
			r = ts.post(t, c, "/login", url.Values{"email": {"ed@example.org"}, "password": {modelstest.Password}, "next": {"/desk/review"}})
			if r.status != http.StatusSeeOther || r.header.Get("Location") != "/desk/review" {
				t.Fatalf("after the lock: %d → %q", r.status, r.header.Get("Location"))
			}
		})
	}
}

func TestLoginWhenHashingIsBusyAnswers503(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			// One slot, and a wait far shorter than a hash at a server's
			// cost: of several logins at once, all but the first find
			// the slot taken.
			s := modelstest.Open(t, engine, models.Config{PasswordHashers: 1, HashWait: time.Millisecond,
				PasswordHashCost: models.DefaultPasswordHashCost, Logger: slog.New(slog.DiscardHandler)})
			ts := newServerOn(t, s)
			const n = 3
			for i := range n {
				modelstest.User(t, ts.store, fmt.Sprintf("u%d@example.org", i), models.RoleEditor)
			}
			var busy *result
			for round := 0; round < 20 && busy == nil; round++ {
				results := make([]result, n)
				var wg sync.WaitGroup
				for i := range n {
					wg.Go(func() {
						results[i] = ts.post(t, ts.client(t), "/login", url.Values{"email": {fmt.Sprintf("u%d@example.org", i)}, "password": {modelstest.Password}})
					})
				}
				wg.Wait()
				for i, r := range results {
					switch r.status {
					case http.StatusSeeOther:
					case http.StatusServiceUnavailable:
						busy = &results[i]
					default:
						t.Fatalf("login %d: %d, want 303 or 503", i, r.status)
					}
				}
			}
			if busy == nil {
				t.Fatal("no login was refused with 503 while the only hashing slot was taken")
			}
			if busy.header.Get("Retry-After") != "1" {
				t.Fatalf("503 Retry-After = %q, want 1", busy.header.Get("Retry-After"))
			}
			mustContain(t, "busy page", busy.body, "The server is busy")
		})
	}
}
