package handlers

import (
	"hash/maphash"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/singleflight"
)

// pageCache keeps rendered public pages in memory, each under the ETag of
// the version it shows, within a budget of bytes. When full it drops the
// least recently read of a few pages picked at random (sampled LRU). A
// page read from the stored renders is kept only when it is asked for a
// second time (see admit), so that the long tail of an archive, each page
// read once, passes through without pushing out the pages most read.
type pageCache struct {
	// mu guards the entries and their count of bytes: readers share it,
	// changes take it alone.
	mu       sync.RWMutex
	entries  map[string]*cachedPage
	bytes    int
	maxBytes int
	// plainBytes is the part of bytes that plain bodies of compressed
	// pages take (see keepUnzipped), at most maxBytes/plainShare.
	plainBytes int
	// clock counts reads; a page's used is the clock at its last read.
	clock atomic.Uint64
	// seen remembers keys asked for once and not kept: each slot holds
	// the hash of the last such key that fell in it (see admit).
	seen     [seenSlots]atomic.Uint64
	seenSeed maphash.Seed
	// fills lets one request render a missing page while the others wait
	// for it, so a burst on a cold page renders it once.
	fills singleflight.Group
}

// seenSlots is how many keys asked for once are remembered at most (a
// power of two): a key is forgotten when another one falls in its slot.
const seenSlots = 1 << 16

// evictionSample is how many pages an eviction compares.
const evictionSample = 5

// entryOverhead is what a page costs the cache besides its bytes and its
// key: the entry and its slot in the map, roughly.
const entryOverhead = 256

// maxKeyBytes is the longest key a page is kept under: room for the
// longest search, percent-encoded. Keys are made of what a reader asks for
// (a search, a filter), so a page asked for under a longer one is served
// but not kept.
const maxKeyBytes = 4096

// cachedPage is one rendered page. Pages worth compressing are kept
// compressed, which fits three to four times as many in the same memory,
// and plain as well once asked for plain a second time (see write); small
// ones only plain.
type cachedPage struct {
	etag        string
	modified    time.Time
	gz          []byte
	plain       []byte
	contentType string
	// unzipped is the plain body of a compressed page, kept once it was
	// asked for plain plainAsks times; it is set only under the cache's
	// lock, with its bytes counted, while the page is in the cache.
	unzipped  atomic.Pointer[[]byte]
	plainAsks atomic.Uint32
	// used is the cache's clock at the page's last read.
	used atomic.Uint64
	// confirmed is one more than the store's generation at which the
	// page's version was last found current (see confirm); 0 when never.
	confirmed atomic.Uint64
	// validators are the page's ETag and Last-Modified header values.
	validators validators
}

// newCachedPage keeps body, the page at etag (modified then), compressed
// when it is worth it.
func newCachedPage(etag string, modified time.Time, contentType string, body []byte) *cachedPage {
	if len(body) >= minCompress && compressible(contentType) {
		return storedCachedPage(etag, modified, contentType, gzipBytes(body))
	}
	return &cachedPage{etag: etag, modified: modified, contentType: contentType, plain: body, validators: validatorValues(etag, modified)}
}

// storedCachedPage is a page kept compressed as gz.
func storedCachedPage(etag string, modified time.Time, contentType string, gz []byte) *cachedPage {
	return &cachedPage{etag: etag, modified: modified, contentType: contentType, gz: gz, validators: validatorValues(etag, modified)}
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{entries: map[string]*cachedPage{}, maxBytes: maxBytes, seenSeed: maphash.MakeSeed()}
}

// admit reports whether a page read from the stored renders under key is
// worth keeping: it is when the key was asked for before, recently.
func (pc *pageCache) admit(key string) bool {
	// A fixed table of slots, read and written without a lock, since a
	// page not in memory asks on every read: the slot of key holds key's
	// hash (never 0) when key was asked for since another key took it.
	// The slot is chosen before the hash is made odd, or only the odd
	// slots would ever be used.
	h := maphash.String(pc.seenSeed, key)
	slot := &pc.seen[h&(seenSlots-1)]
	h |= 1
	if slot.CompareAndSwap(h, 0) {
		return true
	}
	slot.Store(h)
	return false
}

// size is the memory the page holds under key, in bytes.
func (e *cachedPage) size(key string) int {
	n := len(key) + len(e.gz) + len(e.plain) + entryOverhead
	if u := e.unzipped.Load(); u != nil {
		n += len(*u)
	}
	return n
}

// plainAsks is how many times a compressed page is asked for plain before
// its plain body is kept too: clients that take no gzip are few (some
// crawlers and scripts), and a page one of them reads once is not worth
// four times its memory.
const plainAsks = 2

// plainShare bounds the plain bodies of compressed pages to a part of the
// budget (1/plainShare): a crawler that takes no gzip must not leave the
// pages most read holding four times their memory, and the cache holding
// a quarter as many pages for everyone else.
const plainShare = 8

// keepUnzipped keeps body, the plain body of e, the page under key, with
// it, if e is still the page under key and the plain bodies' share of the
// budget has room, dropping the least recently read pages as put does.
func (pc *pageCache) keepUnzipped(key string, e *cachedPage, body []byte) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.entries[key] != e || e.unzipped.Load() != nil || pc.plainBytes+len(body) > pc.maxBytes/plainShare {
		return
	}
	pc.makeRoom(len(body), pc.maxBytes)
	if pc.entries[key] != e {
		return // e itself was among the least recently read
	}
	e.unzipped.Store(&body)
	pc.bytes += len(body)
	pc.plainBytes += len(body)
}

// makeRoom drops the least recently read pages until n more bytes fit
// within target bytes, or no page is left; the caller holds mu.
func (pc *pageCache) makeRoom(n, target int) {
	for len(pc.entries) > 0 && pc.bytes+n > target {
		pc.evictOne()
	}
}

// add counts e, the page under key, in the cache; the caller holds mu.
func (pc *pageCache) add(key string, e *cachedPage) {
	pc.entries[key] = e
	pc.bytes += e.size(key)
	if u := e.unzipped.Load(); u != nil {
		pc.plainBytes += len(*u)
	}
}

// drop takes e, the page under key, out of the cache; the caller holds mu.
func (pc *pageCache) drop(key string, e *cachedPage) {
	pc.bytes -= e.size(key)
	if u := e.unzipped.Load(); u != nil {
		pc.plainBytes -= len(*u)
	}
	delete(pc.entries, key)
}

// get returns the page under key at etag, or nil.
func (pc *pageCache) get(key, etag string) *cachedPage {
	pc.mu.RLock()
	e := pc.entries[key]
	pc.mu.RUnlock()
	if e == nil || e.etag != etag {
		return nil
	}
	e.used.Store(pc.clock.Add(1))
	return e
}

// current returns the page under key when its version was found current
// at the store's generation gen (see confirm), or nil: while the
// generation stays gen, nothing the page shows has changed, and it is
// served without asking the database for its version.
func (pc *pageCache) current(key string, gen uint64) *cachedPage {
	pc.mu.RLock()
	e := pc.entries[key]
	pc.mu.RUnlock()
	if e == nil || e.confirmed.Load() != gen+1 {
		return nil
	}
	e.used.Store(pc.clock.Add(1))
	return e
}

// confirm records that e is the page at the version read after the
// store's generation was gen. Of two confirmations, the later generation
// is kept.
func (e *cachedPage) confirm(gen uint64) {
	for {
		old := e.confirmed.Load()
		if old >= gen+1 || e.confirmed.CompareAndSwap(old, gen+1) {
			return
		}
	}
}

// put keeps e under key, in place of any older page there, unless key is
// longer than maxKeyBytes. Over the budget, it first drops pages until a
// tenth of the budget is free.
func (pc *pageCache) put(key string, e *cachedPage) {
	if len(key) > maxKeyBytes {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if old := pc.entries[key]; old != nil {
		pc.drop(key, old)
	}
	// Measured under the lock: keepUnzipped may have given e, if it was
	// kept already, its plain body since.
	if size := e.size(key); pc.bytes+size > pc.maxBytes {
		pc.makeRoom(size, pc.maxBytes*9/10)
	}
	e.used.Store(pc.clock.Add(1))
	pc.add(key, e)
}

// evictOne drops the least recently read of evictionSample pages picked
// at random (each range over a map starts at a random place); the caller
// holds mu.
func (pc *pageCache) evictOne() {
	var victim string
	var oldest *cachedPage
	n := 0
	for k, e := range pc.entries {
		if oldest == nil || e.used.Load() < oldest.used.Load() {
			victim, oldest = k, e
		}
		if n++; n == evictionSample {
			break
		}
	}
	pc.drop(victim, oldest)
}

// write sends e, the page under key, compressed when the client takes it.
// A client that does not take gzip gets it decompressed for it: nearly
// every browser and crawler takes gzip, so the memory holds the
// compressed bytes, and holds more pages; only a page asked for plain
// again and again keeps its plain body too (see plainAsks).
func (pc *pageCache) write(c echo.Context, key string, e *cachedPage) error {
	if e.gz != nil && (acceptsGzip(c) || c.Request().Method == http.MethodHead) {
		return writeBody(c, http.StatusOK, e.contentType, nil, e.gz)
	}
	if e.gz == nil {
		return writeBody(c, http.StatusOK, e.contentType, e.plain, nil)
	}
	if u := e.unzipped.Load(); u != nil {
		return writeBody(c, http.StatusOK, e.contentType, *u, e.gz)
	}
	body, err := gunzipBytes(e.gz)
	if err != nil {
		return err
	}
	// keepUnzipped takes the cache's lock alone: a page whose plain body
	// found no room tries again only at the 2nd, 4th, 8th… plain ask, so
	// that its plain readers do not take that lock on every request.
	if n := e.plainAsks.Add(1); n >= plainAsks && n&(n-1) == 0 {
		pc.keepUnzipped(key, e, body)
	}
	return writeBody(c, http.StatusOK, e.contentType, body, e.gz)
}

// holds reports whether the cache has a page under key, at any version.
func (pc *pageCache) holds(key string) bool {
	pc.mu.RLock()
	defer pc.mu.RUnlock()
	return pc.entries[key] != nil
}
