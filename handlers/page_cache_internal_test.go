package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// testPage makes a compressible page of about n bytes, distinct for i.
func testPage(i, n int) []byte {
	var b bytes.Buffer
	for b.Len() < n {
		fmt.Fprintf(&b, "<p>page %d, line %d: a claim and its sources</p>\n", i, b.Len())
	}
	return b.Bytes()
}

// TestPageCacheKeepsWhatIsRead: over its budget the cache drops pages
// that were not read lately before those that were, and never holds more
// than its budget.
func TestPageCacheKeepsWhatIsRead(t *testing.T) {
	total := 0
	var pages []*cachedPage
	for i := range 100 {
		e := newCachedPage(fmt.Sprint("e", i), time.Time{}, "text/html", testPage(i, 8000))
		pages = append(pages, e)
		total += e.size(fmt.Sprint("k", i))
	}
	pc := newPageCache(total) // room for the first hundred
	for i, e := range pages {
		pc.put(fmt.Sprint("k", i), e)
	}
	if len(pc.entries) != 100 {
		t.Fatalf("%d pages of 100 kept within a budget for 100", len(pc.entries))
	}
	// The first five are read over and over while a hundred others pass
	// (an eviction drops one of them only if all five pages it compares
	// are among them: a chance under one in a million)
	// through.
	for i := 100; i < 200; i++ {
		for j := range 5 {
			if pc.get(fmt.Sprint("k", j), fmt.Sprint("e", j)) == nil {
				t.Fatalf("page %d, read all along, was dropped after %d others came", j, i-100)
			}
		}
		pc.put(fmt.Sprint("k", i), newCachedPage(fmt.Sprint("e", i), time.Time{}, "text/html", testPage(i, 8000)))
		if pc.bytes > pc.maxBytes {
			t.Fatalf("the cache holds %d bytes, over its budget of %d", pc.bytes, pc.maxBytes)
		}
	}
	if pc.get("k199", "e0") != nil {
		t.Fatal("a page was found under another ETag")
	}
}

// TestPageCacheKeepsOnlyCompressedBytes: a compressible page costs the
// cache its compressed bytes, however many clients that do not take gzip
// read it, and they get the page itself, with its length.
func TestPageCacheKeepsOnlyCompressedBytes(t *testing.T) {
	body := testPage(1, 20000)
	e := newCachedPage("e1", time.Time{}, "text/html", body)
	pc := newPageCache(1 << 20)
	pc.put("k", e)
	before := pc.bytes
	if before >= len(body)/2 {
		t.Fatalf("a compressible page of %d bytes costs %d", len(body), before)
	}
	ec := echo.New()
	for _, gzip := range []bool{false, true, false} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		if gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		rec := httptest.NewRecorder()
		if err := pc.write(ec.NewContext(req, rec), "k", e); err != nil {
			t.Fatal(err)
		}
		if gzip != (rec.Header().Get("Content-Encoding") == "gzip") {
			t.Fatalf("gzip %v: Content-Encoding %q", gzip, rec.Header().Get("Content-Encoding"))
		}
		if !gzip && rec.Body.String() != string(body) {
			t.Fatal("the plain body is not the page")
		}
		if rec.Header().Get("Content-Length") != fmt.Sprint(rec.Body.Len()) {
			t.Fatalf("Content-Length %q for %d bytes", rec.Header().Get("Content-Length"), rec.Body.Len())
		}
	}
	if pc.bytes != before {
		t.Fatalf("after plain reads the cache counts %d bytes, not %d", pc.bytes, before)
	}
}

// TestPageCacheAdmitsOnTheSecondAsk: a page read from the stored renders
// is kept the second time it is asked for, not the first, and the keys
// remembered in between stay bounded.
func TestPageCacheAdmitsOnTheSecondAsk(t *testing.T) {
	pc := newPageCache(1 << 20)
	if pc.admit("claim:a") {
		t.Fatal("a page asked for once was admitted")
	}
	if pc.admit("claim:b") {
		t.Fatal("another page asked for once was admitted")
	}
	if !pc.admit("claim:a") {
		t.Fatal("a page asked for twice was not admitted")
	}
	for i := range maxSeen + 10 {
		pc.admit(fmt.Sprint("claim:", i))
	}
	if len(pc.seen) > maxSeen {
		t.Fatalf("%d keys remembered, over the bound of %d", len(pc.seen), maxSeen)
	}
}

// TestPageCacheCountsItsKeys: keys are made of what readers ask for, so
// the budget counts them, and a page under a key too long to keep is
// served but not kept: a thousand pages under long keys leave the cache
// within its budget.
func TestPageCacheCountsItsKeys(t *testing.T) {
	const budget = 1 << 20
	pc := newPageCache(budget)
	pad := strings.Repeat("a", 50_000)
	for i := range 1000 {
		pc.put(fmt.Sprint("api:claims?person=", i, pad), newCachedPage(`W/"x"`, time.Time{}, "application/json", []byte(`{"items":[]}`)))
		pc.put(fmt.Sprint("api:claims?person=", i, pad[:300]), newCachedPage(`W/"x"`, time.Time{}, "application/json", []byte(`{"items":[]}`)))
	}
	held := 0
	for k, e := range pc.entries {
		if len(k) > maxKeyBytes {
			t.Fatalf("a page under a key of %d bytes was kept", len(k))
		}
		held += len(k) + len(e.gz) + len(e.plain)
	}
	if held > budget || pc.bytes > budget || pc.bytes < held {
		t.Fatalf("the cache holds %d bytes of keys and pages and counts %d, with a budget of %d", held, pc.bytes, budget)
	}
	if len(pc.entries) != 1000 {
		t.Fatalf("%d pages under short keys kept, want 1000", len(pc.entries))
	}
}

// A page in memory is served without a version read only at the
// generation at which its version was found current: never before it was
// confirmed, and never once the generation has moved on.
func TestPageCacheServesConfirmedPagesOnlyAtTheirGeneration(t *testing.T) {
	pc := newPageCache(1 << 20)
	e := newCachedPage(`W/"a"`, time.Now(), "text/html", []byte("<p>page</p>"))
	pc.put("/claims/a", e)
	for _, gen := range []uint64{0, 1, 7} {
		if pc.current("/claims/a", gen) != nil {
			t.Errorf("generation %d: a page never confirmed is current", gen)
		}
	}
	e.confirm(7)
	if pc.current("/claims/a", 7) != e {
		t.Error("generation 7: the page confirmed at 7 is not current")
	}
	for _, gen := range []uint64{6, 8} {
		if pc.current("/claims/a", gen) != nil {
			t.Errorf("generation %d: the page confirmed at 7 is current", gen)
		}
	}
	e.confirm(5) // a slower request that read its version earlier
	if pc.current("/claims/a", 7) != e {
		t.Error("an older confirmation replaced a newer one")
	}
	e.confirm(9)
	if pc.current("/claims/a", 9) != e || pc.current("/claims/a", 7) != nil {
		t.Error("the newer confirmation at 9 was not kept")
	}
	// A newer page under the key starts unconfirmed.
	pc.put("/claims/a", newCachedPage(`W/"b"`, time.Now(), "text/html", []byte("<p>new</p>")))
	if pc.current("/claims/a", 9) != nil {
		t.Error("a page just put is current before it was confirmed")
	}
	if pc.current("/claims/none", 0) != nil {
		t.Error("a key never put is current")
	}
}
