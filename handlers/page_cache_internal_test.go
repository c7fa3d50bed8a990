package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
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

// TestPageCacheKeepsPlainBodiesOnlyOfPagesAskedForPlainAgain: a
// compressible page costs the cache its compressed bytes, until clients
// that do not take gzip have asked for it plainAsks times; then its plain
// body is kept too, and counted. Every client gets the page itself, with
// its length, and a page no longer in the cache keeps nothing.
func TestPageCacheKeepsPlainBodiesOnlyOfPagesAskedForPlainAgain(t *testing.T) {
	body := testPage(1, 20000)
	e := newCachedPage("e1", time.Time{}, "text/html", body)
	pc := newPageCache(1 << 20)
	pc.put("k", e)
	compressed := pc.bytes
	if compressed >= len(body)/2 {
		t.Fatalf("a compressible page of %d bytes costs %d", len(body), compressed)
	}
	ec := echo.New()
	read := func(e *cachedPage, gzip bool) {
		t.Helper()
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
	read(e, false)
	read(e, true)
	if pc.bytes != compressed || e.unzipped.Load() != nil {
		t.Fatalf("after one plain read the cache counts %d bytes, not %d", pc.bytes, compressed)
	}
	read(e, false)
	if pc.bytes != compressed+len(body) || e.unzipped.Load() == nil {
		t.Fatalf("after %d plain reads the cache counts %d bytes, want %d with the plain body", plainAsks, pc.bytes, compressed+len(body))
	}
	read(e, false)
	read(e, true)
	if pc.bytes != compressed+len(body) {
		t.Fatalf("the plain body was counted twice: %d bytes", pc.bytes)
	}
	// Dropped, the page takes its plain body with it.
	pc.mu.Lock()
	pc.evictOne()
	pc.mu.Unlock()
	if pc.bytes != 0 || len(pc.entries) != 0 {
		t.Fatalf("after the only page was dropped: %d bytes, %d pages", pc.bytes, len(pc.entries))
	}
	// A page served but not kept (the long tail) keeps no plain body.
	out := newCachedPage("e2", time.Time{}, "text/html", body)
	for range 3 {
		read(out, false)
	}
	if pc.bytes != 0 || out.unzipped.Load() != nil {
		t.Fatalf("a page not in the cache, read plain 3 times: %d bytes counted", pc.bytes)
	}
	// Over the budget, other pages make room for a plain body, and the
	// cache stays within its budget.
	full := newPageCache(plainShare * len(body))
	e.unzipped.Store(nil)
	full.put("k", e)
	for i := 0; ; i++ {
		o := newCachedPage(fmt.Sprint("o", i), time.Time{}, "text/html", testPage(i+10, 20000))
		if full.bytes+o.size(fmt.Sprint("o", i)) > full.maxBytes {
			break
		}
		full.put(fmt.Sprint("o", i), o)
	}
	before := len(full.entries)
	full.get("k", "e1") // read just now, as a page being sent is
	full.keepUnzipped("k", e, body)
	if full.bytes > full.maxBytes || e.unzipped.Load() == nil || len(full.entries) >= before {
		t.Fatalf("full cache: %d bytes of %d, %d pages of %d, plain body kept %v", full.bytes, full.maxBytes, len(full.entries), before, e.unzipped.Load() != nil)
	}
	// Plain bodies take at most their share of the budget: the share is
	// full, so another page's plain body is not kept, until the page
	// holding the share is dropped.
	var other *cachedPage
	for k, o := range full.entries {
		if k != "k" {
			other = o
			full.get(k, o.etag)
			full.keepUnzipped(k, o, body)
			if o.unzipped.Load() != nil || full.plainBytes != len(body) {
				t.Fatalf("a second plain body was kept past the share of 1/%d: %d plain bytes", plainShare, full.plainBytes)
			}
			break
		}
	}
	full.mu.Lock()
	full.drop("k", e)
	full.mu.Unlock()
	if full.plainBytes != 0 {
		t.Fatalf("after the page holding it was dropped, plain bodies count %d bytes", full.plainBytes)
	}
	for k, o := range full.entries {
		if o == other {
			full.keepUnzipped(k, o, body)
		}
	}
	if other.unzipped.Load() == nil || full.plainBytes != len(body) || full.bytes > full.maxBytes {
		t.Fatalf("once the share was free, another plain body was not kept: %d plain bytes, %d of %d", full.plainBytes, full.bytes, full.maxBytes)
	}
}

// TestPageCacheAdmitsOnTheSecondAsk: a page read from the stored renders
// is kept the second time it is asked for, not the first, and a key asked
// for once is forgotten after many others were (the memory is bounded).
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
	if pc.admit("claim:a") {
		t.Fatal("a page admitted once was admitted again without being asked for twice more")
	}
	// Of many pages each asked for twice in a row, nearly all are kept on
	// their second ask; asked for twice far apart, after as many other
	// keys as the cache remembers, nearly none is.
	const n = 1000
	twice, apart := 0, 0
	for i := range n {
		k := fmt.Sprint("claim:near-", i)
		pc.admit(k)
		if pc.admit(k) {
			twice++
		}
	}
	for i := range n {
		pc.admit(fmt.Sprint("claim:far-", i))
	}
	for i := range 4 * seenSlots {
		pc.admit(fmt.Sprint("claim:other-", i))
	}
	for i := range n {
		if pc.admit(fmt.Sprint("claim:far-", i)) {
			apart++
		}
	}
	if twice != n || apart > n/20 {
		t.Fatalf("asked for twice in a row, %d of %d kept (want all); asked for twice far apart, %d kept (want few)", twice, n, apart)
	}
}

// TestPageCacheRemembersAsManyKeysAsItHasSlots: every slot of the table
// of keys asked for once is used. Of half as many keys as there are
// slots, each asked for once and then each again in the same order, about
// 61% are kept on their second ask when a key may fall in any slot of the
// table (the others were overwritten by another key of the same slot,
// asked for once or missed on its second ask); with only half the slots
// in use, about 37%.
func TestPageCacheRemembersAsManyKeysAsItHasSlots(t *testing.T) {
	pc := newPageCache(1 << 20)
	const n = seenSlots / 2
	for i := range n {
		pc.admit(fmt.Sprint("claim:once-", i))
	}
	kept := 0
	for i := range n {
		if pc.admit(fmt.Sprint("claim:once-", i)) {
			kept++
		}
	}
	if kept < n/2 {
		t.Fatalf("of %d keys asked for once and then again, %d kept (%.1f%%), want about 61%% of them", n, kept, 100*float64(kept)/n)
	}
	for i := range 8 * seenSlots {
		pc.admit(fmt.Sprint("claim:fill-", i))
	}
	used := 0
	for i := range pc.seen {
		if pc.seen[i].Load() != 0 {
			used++
		}
	}
	if used < seenSlots*99/100 {
		t.Fatalf("after %d keys, %d of %d slots in use", 8*seenSlots, used, seenSlots)
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

// TestPageCacheCountsAPagePutBackWhileItsPlainBodyIsKept: a fill may put
// back the very page that is in the cache while a client that takes no
// gzip has it keep its plain body; whichever comes first, the cache
// counts exactly what it holds.
func TestPageCacheCountsAPagePutBackWhileItsPlainBodyIsKept(t *testing.T) {
	body := testPage(1, 50000)
	ec := echo.New()
	for round := range 500 {
		pc := newPageCache(1 << 22)
		e := newCachedPage("e1", time.Time{}, "text/html", body)
		pc.put("k", e)
		e.plainAsks.Store(plainAsks - 1) // the write below is the plainAsks-th plain ask
		var wg sync.WaitGroup
		wg.Go(func() {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			_ = pc.write(ec.NewContext(req, httptest.NewRecorder()), "k", e)
		})
		wg.Go(func() { pc.put("k", e) })
		wg.Wait()
		pc.put("k", e) // and once more, after both
		pc.mu.Lock()
		bytes, plain := 0, 0
		for k, x := range pc.entries {
			bytes += x.size(k)
			if u := x.unzipped.Load(); u != nil {
				plain += len(*u)
			}
		}
		if pc.bytes != bytes || pc.plainBytes != plain {
			t.Fatalf("round %d: the cache counts %d bytes (%d plain), holds %d (%d plain)", round, pc.bytes, pc.plainBytes, bytes, plain)
		}
		pc.mu.Unlock()
	}
}
