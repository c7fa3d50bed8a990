package handlers_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"claimtracker/handlers"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// BenchmarkClaimPage serves a cached public claim page through the whole
// middleware chain, in process: the server's own cost per request.
func BenchmarkClaimPage(b *testing.B) {
	benchCached(b, func(slug string) string { return "/claims/" + slug })
}

// BenchmarkShareImage serves a claim's cached share image as
// BenchmarkClaimPage serves its page.
func BenchmarkShareImage(b *testing.B) {
	benchCached(b, func(slug string) string { return "/claims/" + slug + "/share.png" })
}

// benchCached serves the public document at path(slug) of a published
// claim, cached after the first request.
func benchCached(b *testing.B, path func(slug string) string) {
	t := &testing.T{}
	ts := newServer(b, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	req := httptest.NewRequest("GET", path(c.Slug), nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		ts.echo.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkClaimPageCold renders a claim page that is not cached: every
// request is for a page not seen before.
func BenchmarkClaimPageCold(b *testing.B) {
	ts := newServer(b, "sqlite")
	if err := ts.store.SeedSynthetic(context.Background(), models.SyntheticSpec{Claims: 5000, SourcesPerClaim: 3, Published: true, Seed: 3}); err != nil {
		b.Fatal(err)
	}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		req := httptest.NewRequest("GET", fmt.Sprintf("/claims/seed-0-%d", i%5000+1), nil)
		w := httptest.NewRecorder()
		ts.echo.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code, w.Body.String()[:200])
		}
	}
}

// BenchmarkClaimPageStored serves claim pages that are not in memory but
// whose renders are stored, on an instance other than the one that
// stored them: the path of a page read rarely, uniformly at random over
// 5,000 claims, with gzip.
func BenchmarkClaimPageStored(b *testing.B) {
	site := &url.URL{Scheme: "http", Host: "facts.example.test"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := newServer(b, "sqlite", func(c *handlers.Config) { c.Context, c.Prerender, c.BaseURL = ctx, true, site })
	const claims = 5000
	if err := first.store.SeedSynthetic(ctx, models.SyntheticSpec{Claims: claims, SourcesPerClaim: 3, Published: true, Seed: 3}); err != nil {
		b.Fatal(err)
	}
	for {
		n, err := first.store.PageRenderCount(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if n >= claims {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	ts := newServerOn(b, first.store, func(c *handlers.Config) { c.BaseURL, c.PageCacheMiB = site, 1 })
	r := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", fmt.Sprintf("/claims/seed-0-%d", r.IntN(claims)+1), nil)
		req.Header.Set("Accept-Encoding", "gzip")
		w := httptest.NewRecorder()
		ts.echo.ServeHTTP(w, req)
		if w.Code != http.StatusOK || w.Header().Get("Content-Encoding") != "gzip" {
			b.Fatal(w.Code, w.Header())
		}
	}
}

// BenchmarkArticleIntake logs an article of 50 quotations through the API
// against 3,000 published claims, and matches each against the published
// fact-checks: half of them repeat a published claim, half say something
// new. It is the worst case: the synthetic claims draw on a vocabulary of
// some 200 words, so each word is on hundreds of claims and every
// quotation's longest words are common.
func BenchmarkArticleIntake(b *testing.B) {
	for _, engine := range modelstest.Engines() {
		b.Run(engine, func(b *testing.B) {
			e := newAPIEnv(b, engine)
			ctx := context.Background()
			if err := e.store.SeedSynthetic(ctx, models.SyntheticSpec{Claims: 3000, SourcesPerClaim: 1, Published: true, Seed: 5}); err != nil {
				b.Fatal(err)
			}
			items, _, err := e.store.PublicClaims(ctx, models.PublicQuery{PerPage: 25})
			if err != nil {
				b.Fatal(err)
			}
			var text strings.Builder
			for i, it := range items {
				fmt.Fprintf(&text, "\"%s,\" Pat Speaker said.\n\n", it.Text)
				fmt.Fprintf(&text, "\"We will open %d new libraries in the northern valleys by next spring,\" Pat Speaker added.\n\n", i+2)
			}
			// The same speech is logged on every loop, so on purpose.
			body, err := json.Marshal(map[string]any{"url": "https://example.org/speech", "title": "A speech", "text": text.String(), "allow_duplicate": true})
			if err != nil {
				b.Fatal(err)
			}
			first := true
			for b.Loop() {
				req := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(string(body)))
				req.Header.Set("Authorization", "Bearer "+e.tokens[asEditor])
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				e.echo.ServeHTTP(w, req)
				if w.Code != http.StatusCreated {
					b.Fatal(w.Code, w.Body.String())
				}
				if first {
					first = false
					var got struct {
						Candidates []struct {
							Checked []struct{ Score float64 } `json:"checked"`
						} `json:"candidates"`
					}
					if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
						b.Fatal(err)
					}
					n := 0
					for _, c := range got.Candidates {
						if len(c.Checked) > 0 && c.Checked[0].Score == 1 {
							n++
						}
					}
					if len(got.Candidates) != 50 || n != 25 {
						b.Fatalf("%d candidates, %d already checked; want 50 and 25", len(got.Candidates), n)
					}
				}
			}
		})
	}
}
