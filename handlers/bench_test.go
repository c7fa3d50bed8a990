package handlers_test

import (
	"math/rand/v2"
	"net/url"
	"time"

	"claimtracker/handlers"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"claimtracker/models"
)

// BenchmarkClaimPage serves a cached public claim page through the whole
// middleware chain, in process: the server's own cost per request.
func BenchmarkClaimPage(b *testing.B) {
	t := &testing.T{}
	ts := newServer(b, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	req := httptest.NewRequest("GET", "/claims/"+c.Slug, nil)
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
