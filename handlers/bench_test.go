package handlers_test

import (
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
	ts := newServer(t, "sqlite")
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
	t := &testing.T{}
	ts := newServer(t, "sqlite")
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
