package handlers_test

import (
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
	_ = models.ClaimPublished
}
