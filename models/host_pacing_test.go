package models_test

import (
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// One host is asked at most once per gap; another host has its own
// slots; a Retry-After holds the host longer, and a shorter one after it
// does not shorten the wait.
func TestReserveHostPaces(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		ctx := t.Context()
		gap := 10 * time.Second
		reserve := func(host string, want time.Duration) {
			t.Helper()
			wait, err := s.ReserveHost(ctx, host, gap)
			if err != nil || wait != want {
				t.Fatalf("%s at %s: wait %v %v, want %v", host, clock.Now().Format(time.TimeOnly), wait, err, want)
			}
		}
		reserve("news.example.org", 0)
		reserve("news.example.org", gap)
		reserve("other.example.org", 0)
		clock.Add(4 * time.Second)
		reserve("news.example.org", 6*time.Second)
		clock.Add(6 * time.Second)
		reserve("news.example.org", 0)
		reserve("news.example.org", gap)
		// The host asks for an hour.
		if err := s.DelayHost(ctx, "news.example.org", clock.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.DelayHost(ctx, "news.example.org", clock.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		reserve("news.example.org", time.Hour)
		clock.Add(time.Hour)
		reserve("news.example.org", 0)
		// A host not yet known may be delayed too.
		if err := s.DelayHost(ctx, "new.example.org", clock.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		reserve("new.example.org", time.Minute)
	})
}

// Callers racing for one host's slot, as instances do: exactly one gets it.
func TestReserveHostConcurrent(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		got := 0
		for range 12 {
			wg.Go(func() {
				wait, err := s.ReserveHost(t.Context(), "busy.example.org", time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if wait == 0 {
					mu.Lock()
					got++
					mu.Unlock()
				} else if wait != time.Minute {
					t.Errorf("wait %v", wait)
				}
			})
		}
		wg.Wait()
		if got != 1 {
			t.Fatalf("%d callers took the slot, want 1", got)
		}
	})
}
