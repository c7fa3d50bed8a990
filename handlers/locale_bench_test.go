package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// localeHeaders are a browser's Accept-Language for each interface
// language the benchmarks read a page in.
var localeHeaders = map[string]string{
	"en": "en-US,en;q=0.9",
	"fr": "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
}

// BenchmarkClaimPageLanguage serves a cached public claim page to a
// first-time reader whose browser asks for English or French: the cost of
// choosing the language (Accept-Language) on top of a page in memory.
//
//	go test -tags sqlite_fts5 -run '^$' -bench 'ClaimPage(Language|Render)' ./handlers
func BenchmarkClaimPageLanguage(b *testing.B) {
	t := &testing.T{}
	ts := newServer(b, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	for _, lang := range []string{"en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/claims/"+c.Slug, nil)
			req.Header.Set("Accept-Language", localeHeaders[lang])
			req.Header.Set("Accept-Encoding", "gzip")
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				ts.echo.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatal(w.Code)
				}
			}
		})
	}
}

// BenchmarkClaimPageRender renders a public claim page afresh on every
// request, in English and in French: a signed-in reader's page, which no
// cache keeps, so that each request is one render of every word on it.
func BenchmarkClaimPageRender(b *testing.B) {
	t := &testing.T{}
	ts := newServer(b, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	ctx := context.Background()
	reader := modelstest.User(t, ts.store, "bench-reader@example.org", models.RoleEditor)
	token, _, err := ts.store.Login(ctx, models.Meta{}, reader.Email, modelstest.Password)
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range []string{"en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/claims/"+c.Slug, nil)
			req.AddCookie(&http.Cookie{Name: "claimtracker_session", Value: token})
			req.AddCookie(&http.Cookie{Name: "lang", Value: lang})
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				ts.echo.ServeHTTP(w, req)
				if w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "private, no-store" {
					b.Fatal(w.Code, w.Header())
				}
			}
		})
	}
}
