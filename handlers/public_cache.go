package handlers

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"golang.org/x/sync/singleflight"

	"claimtracker/models"
)

// pageCache keeps rendered public pages, each under the version of the data
// it shows. A page is rendered again exactly when its version changes: the
// version is read from the database on every request, so a correction on one
// instance shows at once on every instance that shares the database.
type pageCache struct {
	mu       sync.Mutex
	entries  map[string]*cachedPage
	bytes    int
	maxBytes int
	// fills lets one request render a missing page while the others wait
	// for it, so a burst on a cold page renders it once.
	fills singleflight.Group
}

// cachedPage is one rendered page. Pages worth compressing are kept
// compressed, which fits four times as many in the same memory; the plain
// bytes are added the first time a client that does not take gzip asks.
type cachedPage struct {
	etag        string
	gz          []byte
	plain       atomic.Pointer[[]byte]
	contentType string
}

func newCachedPage(etag, contentType string, body []byte) *cachedPage {
	e := &cachedPage{etag: etag, contentType: contentType}
	if len(body) >= minCompress {
		e.gz = gzipBytes(body)
	} else {
		e.plain.Store(&body)
	}
	return e
}

// write sends the page, compressed when the client takes it.
func (e *cachedPage) write(c echo.Context) error {
	if e.gz != nil && (acceptsGzip(c) || c.Request().Method == http.MethodHead) {
		return writeBody(c, http.StatusOK, e.contentType, nil, e.gz)
	}
	if p := e.plain.Load(); p != nil {
		return writeBody(c, http.StatusOK, e.contentType, *p, e.gz)
	}
	body, err := gunzipBytes(e.gz)
	if err != nil {
		return err
	}
	e.plain.Store(&body)
	return writeBody(c, http.StatusOK, e.contentType, body, e.gz)
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{entries: map[string]*cachedPage{}, maxBytes: maxBytes}
}

// size is what the page costs the cache: compressed bytes, and plain ones
// counted up front as their usual share, so that the budget holds however
// many clients skip gzip.
func (e *cachedPage) size() int {
	if p := e.plain.Load(); p != nil && e.gz == nil {
		return len(*p) + 128
	}
	return len(e.gz)*2 + 128
}

func (pc *pageCache) get(key, etag string) *cachedPage {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if e := pc.entries[key]; e != nil && e.etag == etag {
		return e
	}
	return nil
}

func (pc *pageCache) put(key string, e *cachedPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if old := pc.entries[key]; old != nil {
		pc.bytes -= old.size()
	}
	// Over the budget, drop arbitrary entries until a tenth is free; hot
	// pages come straight back.
	if pc.bytes+e.size() > pc.maxBytes {
		for k, x := range pc.entries {
			if pc.bytes+e.size() <= pc.maxBytes*9/10 {
				break
			}
			pc.bytes -= x.size()
			delete(pc.entries, k)
		}
	}
	pc.entries[key] = e
	pc.bytes += e.size()
}

// etagFor is a weak validator of one page at one version: weak because the
// plain and compressed bodies share it.
func etagFor(key string, v models.Version) string {
	sum := sha256.Sum256([]byte(key + "\x00" + v.Tag))
	return `W/"` + hex.EncodeToString(sum[:12]) + `"`
}

// notModified reports whether the client's copy is current.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimSpace(t)
			if t == etag || t == "*" || "W/"+t == etag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		if t, err := http.ParseTime(ims); err == nil && !modified.Truncate(time.Second).After(t) {
			return true
		}
	}
	return false
}

// servePublic answers a public GET from the cache when it holds the page at
// version v, with 304 when the client's copy is current, and renders it
// otherwise. Signed-in users get a fresh page that is not cached anywhere,
// since it names them: neither here, where only pages rendered for nobody
// are kept, nor by a browser or proxy, which Vary: Cookie tells that the
// two differ.
func (h *Handler) servePublic(c echo.Context, key string, v models.Version, contentType string, build func() ([]byte, error)) error {
	varyCookie(c)
	if currentUser(c) != nil {
		body, err := build()
		if err != nil {
			return err
		}
		c.Response().Header().Set("Cache-Control", "private, no-store")
		return writeBody(c, http.StatusOK, contentType, body, nil)
	}
	etag := etagFor(key, v)
	hd := c.Response().Header()
	hd.Set("ETag", etag)
	hd.Set("Cache-Control", "public, no-cache")
	if !v.Modified.IsZero() {
		hd.Set("Last-Modified", v.Modified.UTC().Format(http.TimeFormat))
	}
	if notModified(c.Request(), etag, v.Modified) {
		addVary(hd, echo.HeaderAcceptEncoding)
		return c.NoContent(http.StatusNotModified)
	}
	e := h.cache.get(key, etag)
	if e == nil {
		v, err, _ := h.cache.fills.Do(etag+key, func() (any, error) {
			if e := h.storedPage(c.Request().Context(), key, etag, contentType); e != nil {
				h.cache.put(key, e)
				return e, nil
			}
			body, err := build()
			if err != nil {
				return nil, err
			}
			e := newCachedPage(etag, contentType, body)
			h.cache.put(key, e)
			h.keepRender(key, e)
			return e, nil
		})
		if err != nil {
			return err
		}
		e = v.(*cachedPage)
	}
	return e.write(c)
}

// renderBytes renders a component into memory.
func renderBytes(c echo.Context, comp templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
