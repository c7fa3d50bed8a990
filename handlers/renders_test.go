package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/url"
	"strings"
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
