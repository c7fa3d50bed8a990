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

// TestSetupRaceMakesOneAdmin posts the one-time setup form eight times at
// once: exactly one admin results, and the other seven find the page gone.
func TestSetupRaceMakesOneAdmin(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			// Eight hashing slots, as a larger server has: the eight
			// setups hash at once and reach the database together.
			s := modelstest.Open(t, engine, models.Config{PasswordHashers: 8, HashWait: time.Minute, Logger: slog.New(slog.DiscardHandler)})
			ts := newServerOn(t, s)
			const n = 8
			results := make([]result, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					results[i] = ts.post(t, ts.client(t), "/setup", url.Values{"token": {"setup-secret"}, "name": {"Boss"},
						"email": {fmt.Sprintf("boss%d@example.org", i)}, "password": {modelstest.Password}})
				})
			}
			wg.Wait()
			made := 0
			for i, r := range results {
				switch r.status {
				case http.StatusSeeOther:
					made++
				case http.StatusNotFound:
				default:
					t.Errorf("setup %d: %d, want 303 or 404", i, r.status)
				}
			}
			users, err := ts.store.ListUsers(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if made != 1 || len(users) != 1 || users[0].Role != models.RoleAdmin {
				t.Fatalf("8 concurrent setups: %d answered 303, %d users; want exactly one admin", made, len(users))
			}
		})
	}
}
