package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// postJSON sends body as JSON with token and decodes the answer into out
// (when not nil). It is safe to call from many goroutines.
func postJSON(c *http.Client, url, token string, body any, out any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequest("POST", url, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return res.StatusCode, err
	}
	if res.StatusCode >= 300 {
		return res.StatusCode, fmt.Errorf("%s: %d %s", url, res.StatusCode, raw)
	}
	if out != nil {
		return res.StatusCode, json.Unmarshal(raw, out)
	}
	return res.StatusCode, nil
}

// createdClaim is the part of a new claim's answer these tests read.
type createdClaim struct {
	ID          uint   `json:"id"`
	Slug        string `json:"slug"`
	SpeakerSlug string `json:"speaker_slug"`
}

// all runs fn n times at once, after a common start signal, and returns
// the errors.
func all(n int, fn func(i int) error) []error {
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = fn(i)
		}()
	}
	close(start)
	wg.Wait()
	var out []error
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// TestConcurrentClaimsWithOneSummary is the regression test for 16 claims
// with the same summary posted at once, which answered 7 × 500 on Postgres:
// each chose the same free slug and all but one hit the unique index. Now
// every one is logged, each under a slug of its own.
func TestConcurrentClaimsWithOneSummary(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			const n = 16
			client := warm(t, e, n)
			slugs := make([]string, n)
			errs := all(n, func(i int) error {
				var c createdClaim
				_, err := postJSON(client, e.URL+"/api/v1/claims", e.tokens[asEditor], map[string]any{
					"text": fmt.Sprintf("The ferry carried %d riders", i), "summary": "The ferry carried a million riders", "speaker": "Harbour Board",
				}, &c)
				slugs[i] = c.Slug
				return err
			})
			if len(errs) > 0 {
				t.Fatalf("%d of %d refused: %v", len(errs), n, errs)
			}
			seen := map[string]bool{}
			for _, s := range slugs {
				if s == "" || seen[s] {
					t.Errorf("slug %q empty or given twice: %v", s, slugs)
				}
				seen[s] = true
			}
			if !seen["the-ferry-carried-a-million-riders"] || !seen[fmt.Sprintf("the-ferry-carried-a-million-riders-%d", n)] {
				t.Errorf("slugs are not the summary's, numbered 2 to %d: %v", n, slugs)
			}
		})
	}
}

// TestConcurrentClaimsWithOneNewSpeaker is the regression test for a new
// speaker named by claims posted at once, which answered 500 on Postgres.
// Now every claim is logged, and all of them name one person, whatever the
// case each request wrote the name in. Three rounds of 8 requests, on
// connections opened beforehand, make the race sure to happen.
func TestConcurrentClaimsWithOneNewSpeaker(t *testing.T) {
	cases := []string{"Zelda Quorn %d", "zelda quorn %d", "ZELDA QUORN %d", "Zelda quorn %d"}
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			const n, rounds = 8, 3
			client := warm(t, e, n)
			for r := range rounds {
				speakers := make([]string, n)
				errs := all(n, func(i int) error {
					var c createdClaim
					_, err := postJSON(client, e.URL+"/api/v1/claims", e.tokens[asEditor], map[string]any{
						"text":    fmt.Sprintf("Tram line %d opens next year", i),
						"summary": fmt.Sprintf("Tram line %d opens in round %d", i, r), "speaker": fmt.Sprintf(cases[i%len(cases)], r),
					}, &c)
					speakers[i] = c.SpeakerSlug
					return err
				})
				if len(errs) > 0 {
					t.Fatalf("round %d: %d of %d refused: %v", r, len(errs), n, errs)
				}
				for i, s := range speakers {
					if want := fmt.Sprintf("zelda-quorn-%d", r); s != want {
						t.Errorf("round %d: claim %d names speaker %q, want %q", r, i, s, want)
					}
				}
			}
			people, err := e.store.ListPeople(context.Background(), 100)
			if err != nil {
				t.Fatal(err)
			}
			if len(people) != rounds {
				t.Errorf("%d people, want %d: %+v", len(people), rounds, people)
			}
		})
	}
}

// warm returns a client with n connections to e's server open, so that
// requests sent together arrive together.
func warm(t *testing.T, e *apiEnv, n int) *http.Client {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}, Timeout: 30 * time.Second}
	t.Cleanup(c.CloseIdleConnections)
	errs := all(n, func(int) error {
		req, _ := http.NewRequest("GET", e.URL+"/api/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+e.tokens[asEditor])
		res, err := c.Do(req)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, res.Body)
		return res.Body.Close()
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}

// WritersDurationEnv sets how long TestWritersAcrossTwoInstances runs
// (a Go duration, default 3s).
const WritersDurationEnv = "CLAIMTRACKER_TEST_WRITERS_DURATION"

// TestWritersAcrossTwoInstances runs 32 writers against two instances of
// the app, each with its own Store, on one database, for a few seconds
// (WritersDurationEnv): they log claims with a handful of summaries and new
// speakers, so that slugs and people collide across instances, and add a
// source to each. No write may fail.
func TestWritersAcrossTwoInstances(t *testing.T) {
	d := 3 * time.Second
	if v := os.Getenv(WritersDurationEnv); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			t.Fatalf("%s: %v", WritersDurationEnv, err)
		}
	}
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			dsn := modelstest.MigratedDSN(t, engine)
			ctx := context.Background()
			var servers [2]*testServer
			for i := range servers {
				s, err := models.Open(ctx, dsn, models.Config{Logger: slog.New(slog.DiscardHandler)})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				servers[i] = newServerOn(t, s)
			}
			modelstest.User(t, servers[0].store, "writer@example.org", models.RoleEditor)
			token, _, err := servers[0].store.CreateAPIToken(ctx, nil, models.Meta{}, "writer@example.org", "writers")
			if err != nil {
				t.Fatal(err)
			}
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
			deadline := time.Now().Add(d)
			var saves atomic.Int64
			var mu sync.Mutex
			var failures []error
			var slowest atomic.Int64
			errs := all(32, func(w int) error {
				for i := 0; time.Now().Before(deadline); i++ {
					srv := servers[(w+i)%2]
					var c createdClaim
					t0 := time.Now()
					_, err := postJSON(client, srv.URL+"/api/v1/claims", token, map[string]any{
						"text": fmt.Sprintf("Writer %d says the bridge carries %d cars", w, i), "summary": fmt.Sprintf("The bridge carries %d cars", i%4),
						"speaker": fmt.Sprintf("Bridge Speaker %d", i%3),
					}, &c)
					for took := int64(time.Since(t0)); ; {
						if old := slowest.Load(); took <= old || slowest.CompareAndSwap(old, took) {
							break
						}
					}
					if err == nil {
						saves.Add(1)
						_, err = postJSON(client, servers[(w+i+1)%2].URL+fmt.Sprintf("/api/v1/claims/%d/sources", c.ID), token, map[string]any{
							"url": "https://example.org/bridge", "title": "Bridge counts", "kind": "dataset", "stance": "contradicts",
						}, nil)
						if err == nil {
							saves.Add(1)
						}
					}
					if err != nil {
						mu.Lock()
						failures = append(failures, err)
						mu.Unlock()
					}
				}
				return nil
			})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			t.Logf("%s: 32 writers on 2 instances for %v: %d saves, %d errors, slowest claim %v",
				engine, d, saves.Load(), len(failures), time.Duration(slowest.Load()).Round(time.Millisecond))
			if len(failures) > 0 {
				t.Errorf("%d writes failed, the first: %v", len(failures), failures[:min(len(failures), 5)])
			}
			if saves.Load() == 0 {
				t.Error("no write went through")
			}
		})
	}
}
