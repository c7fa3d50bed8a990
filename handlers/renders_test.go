package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.Bytes()
}

// Claim pages are rendered ahead of readers and stored; another instance
// on the same database, at the same public address, serves the stored
// render, and never one that is not current.
func TestStoredRendersAreServedOnlyWhileCurrent(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := &url.URL{Scheme: "http", Host: "facts.example.test"}
			sameSite := func(c *handlers.Config) { c.BaseURL = site }
			withBackground := func(c *handlers.Config) { c.Context, c.Prerender, c.BaseURL = t.Context(), true, site }
			ts := newServer(t, engine, withBackground)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			ctx := context.Background()
			key := "claim:" + c.Slug
			etag := ts.get(t, ts.client(t), "/claims/"+c.Slug).header.Get("ETag")

			// The prerenderer (or the first reader) stores the page.
			waitStored(t, ts.store, key, etag)

			// A second instance with an empty memory serves the stored bytes:
			// replace them with a marker to see where the answer comes from.
			if err := ts.store.SavePageRenders(ctx, []models.PageRender{{Key: key, Tag: etag, Gzip: gz(t, "<p>stored render</p>")}}); err != nil {
				t.Fatal(err)
			}
			other := newServerOn(t, ts.store, sameSite)
			if r := other.get(t, other.client(t), "/claims/"+c.Slug); r.body != "<p>stored render</p>" {
				t.Fatalf("second instance rendered again instead of serving the stored page: %.80q", r.body)
			}

			// After a correction the stored render is stale and never served.
			if _, err := ts.store.AddCorrection(ctx, n.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Clarified."}); err != nil {
				t.Fatal(err)
			}
			third := newServerOn(t, ts.store, sameSite)
			r := third.get(t, third.client(t), "/claims/"+c.Slug)
			if strings.Contains(r.body, "stored render") || !strings.Contains(r.body, "Clarified.") {
				t.Fatalf("stale render served after a correction: %.80q", r.body)
			}

			// A claim published later, and never read through the instance
			// that prerenders, is rendered and stored by it all the same.
			second := seedInput()
			second.Text, second.Summary = "I never met any Russian officials", "Sessions said he never met Russian officials"
			c2 := n.publish(t, second, "false", "x")
			etag2 := third.get(t, third.client(t), "/claims/"+c2.Slug).header.Get("ETag")
			waitStored(t, ts.store, "claim:"+c2.Slug, etag2)
			// …and so is the corrected page of the first claim.
			waitStored(t, ts.store, key, r.header.Get("ETag"))
		})
	}
}

// Pages name the public address they are rendered for, and the binary that
// renders them may change while the database stays: an instance with
// another base URL, or another build, never serves a page rendered by
// another, and one ETag never names two bodies.
func TestStoredRendersBelongToOneAddressAndBuild(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			at := func(host, build string) func(*handlers.Config) {
				return func(c *handlers.Config) {
					c.BaseURL, c.Build, c.Context = &url.URL{Scheme: "http", Host: host}, build, t.Context()
				}
			}
			a := newServer(t, engine, at("a.example.test", "one"))
			n := newNewsroom(t, a)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			page := "/claims/" + c.Slug
			ra := a.get(t, a.client(t), page)
			waitStored(t, a.store, "claim:"+c.Slug, ra.header.Get("ETag"))

			b := newServerOn(t, a.store, at("b.example.test", "one"))
			for _, path := range []string{page, "/api/v1/public/claims/" + c.Slug, "/", "/feed.atom", "/sitemap.xml"} {
				fromA, fromB := a.get(t, a.client(t), path), b.get(t, b.client(t), path)
				if strings.Contains(fromB.body, "a.example.test") || !strings.Contains(fromB.body, "b.example.test") {
					t.Errorf("%s on b.example.test names another address: %.300q", path, fromB.body)
				}
				if fromA.header.Get("ETag") == fromB.header.Get("ETag") && fromA.body != fromB.body {
					t.Errorf("%s: ETag %s names two bodies", path, fromA.header.Get("ETag"))
				}
			}

			// Another build at the same address renders the page itself.
			etag := a.get(t, a.client(t), page).header.Get("ETag")
			if err := a.store.SavePageRenders(context.Background(), []models.PageRender{{Key: "claim:" + c.Slug, Tag: etag, Gzip: gz(t, "<p>older build</p>")}}); err != nil {
				t.Fatal(err)
			}
			newer := newServerOn(t, a.store, at("a.example.test", "two"))
			r := newer.get(t, newer.client(t), page)
			if strings.Contains(r.body, "older build") || r.header.Get("ETag") == etag {
				t.Errorf("a newer build served the render of an older one: ETag %s, %.80q", r.header.Get("ETag"), r.body)
			}
			if again := newer.do(t, newer.client(t), "GET", page, nil, map[string]string{"If-None-Match": etag}); again.status != 200 {
				t.Errorf("a newer build answered %d to the ETag of an older one", again.status)
			}
		})
	}
}

// waitStored waits until the store holds a render of key at etag.
func waitStored(t *testing.T, s *models.Store, key, etag string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := s.PageRender(context.Background(), key, etag); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s at %s was never stored", key, etag)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The prerenderer renders claim pages in the site's language, under the
// keys its readers look them up by: a reader who asks for no language,
// on another instance with an empty memory, is served the stored page,
// rendered by nobody, in English while the site is English and in
// French once an admin makes the site French.
func TestPrerenderSpeaksTheSitesLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := &url.URL{Scheme: "http", Host: "facts.example.test"}
			ts := newServer(t, engine, func(c *handlers.Config) { c.Context, c.Prerender, c.BaseURL = t.Context(), true, site })
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)

			// served is the claim page as a fresh instance serves it to a
			// reader who asks for no language, and whether it rendered it.
			served := func(key string) (r result, rendered bool) {
				t.Helper()
				var mu sync.Mutex
				restore := handlers.SetRenderHookForTest(func(k string) {
					if k == key {
						mu.Lock()
						rendered = true
						mu.Unlock()
					}
				})
				defer restore()
				other := newServerOn(t, ts.store, func(c *handlers.Config) { c.BaseURL = site })
				r = other.get(t, other.client(t), "/claims/"+c.Slug)
				mu.Lock()
				defer mu.Unlock()
				return r, rendered
			}

			key := "claim:" + c.Slug
			stored := waitPrerendered(t, ts.store, c.Slug, key)
			r, rendered := served(key)
			if rendered || r.header.Get("ETag") != stored || htmlOpen(t, r.body) != `<html lang="en" dir="ltr">` {
				t.Errorf("English site: rendered %v, ETag %s (stored %s), %s", rendered, r.header.Get("ETag"), stored, htmlOpen(t, r.body))
			}

			st, err := ts.store.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st.Language = "fr"
			if _, err := ts.store.UpdateSettings(t.Context(), n.adm, models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			stored = waitPrerendered(t, ts.store, c.Slug, key+"|fr")
			r, rendered = served(key + "|fr")
			if rendered || r.header.Get("ETag") != stored {
				t.Errorf("French site: the page was rendered again (%v) or not the stored one (ETag %s, stored %s)", rendered, r.header.Get("ETag"), stored)
			}
			if got := htmlOpen(t, r.body); got != `<html lang="fr" dir="ltr">` {
				t.Errorf("French site: %s", got)
			}
			mustContain(t, "the French claim page", r.body, ">Se connecter<")
		})
	}
}

// waitPrerendered waits until the store holds a render of the claim page
// of slug under key, and returns its tag.
func waitPrerendered(t *testing.T, s *models.Store, slug, key string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, tag, _, err := s.ClaimPageRender(context.Background(), slug, key)
		if err != nil {
			t.Fatal(err)
		}
		if tag != "" {
			return tag
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s was never prerendered", key)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
