package handlers

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
)

// Every public page and document (HTML pages, feeds, sitemaps, the public
// API) is served by servePublic; docs/performance.md tells how versions
// and caches work together. In short:
//
//  1. A page in memory whose version was found current at the store's
//     present generation (see models.Store.Generation and
//     cachedPage.confirm) is sent as it is, or 304 to a client holding it.
//  2. Otherwise the request's version of the page (see versions.go) gives
//     its ETag; a client holding it gets 304, and a page in memory at that
//     ETag is sent as it is, and confirmed at the generation read before
//     that version.
//  3. Otherwise the page is produced inside one database snapshot: the
//     version is read again there, and the page is taken from the stored
//     renders or rendered from that same snapshot, so that what is kept
//     and sent under a version is exactly the page of that version. This
//     fill runs detached from the reader who asked first, and every reader
//     waiting for it gets its result.
//
// Large documents (the ClaimReview feed, the CSV export) are streamed from
// a snapshot rather than kept. Signed-in readers always get a page made for
// them from a current snapshot, which no cache keeps.

// publicPage is one public page or document.
type publicPage struct {
	// key names the page in the caches; the ETag hashes it with the version.
	key string
	// claim is the slug of a claim page, whose version is the claim's own;
	// every other page has the site version.
	claim       string
	contentType string
	// anyone marks a page that is the same for every reader, signed in or
	// not (it names nobody: a share image, the embeddable card, oEmbed),
	// so that signed-in readers are served from the caches too.
	anyone bool
	// build renders the page for c, a request whose context reads from the
	// page's snapshot (see pageVersion). Exactly one of build and stream is set.
	build func(c echo.Context) ([]byte, error)
	// stream writes a large document row by row; it is never kept.
	stream func(c echo.Context, w io.Writer) error
}

// etagFor is a weak validator of one page at one version, as this site and
// build render it (see Config.Build): weak because the plain and
// compressed bodies share it.
func (h *Handler) etagFor(key string, v models.Version) string {
	// Hashed from a buffer on the stack, since it is done on every read of
	// a page not in memory.
	var buf [256]byte
	b := append(append(buf[:0], h.site...), 0)
	b = append(append(append(b, key...), 0), v.Tag...)
	sum := sha256.Sum256(b)
	var out [len(`W/""`) + 24]byte
	tag := append(out[:0], `W/"`...)
	tag = hex.AppendEncode(tag, sum[:12])
	return string(append(tag, '"'))
}

// notModified reports whether the client's copy, named by If-None-Match,
// is current (RFC 9110 §13.1.2, weak comparison). If-Modified-Since alone
// never gives 304: an HTTP date counts whole seconds, so it cannot tell
// apart two versions made within one second, nor versions written by
// hosts whose clocks disagree; the ETag can.
func notModified(r *http.Request, etag string) bool {
	inm := r.Header.Get("If-None-Match")
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimSpace(t)
		if t != "" && (t == etag || t == "*" || "W/"+t == etag) {
			return true
		}
	}
	return false
}

// renderHook, set only by tests, is called before each page is rendered.
var renderHook atomic.Pointer[func(key string)]

// streamHook, set only by tests, is called as each stream starts.
var streamHook atomic.Pointer[func()]

// varyPublic is the Vary of a public page: it differs for signed-in
// readers, and its encoding for clients that take gzip.
var varyPublic = []string{echo.HeaderCookie + ", " + echo.HeaderAcceptEncoding}

// varyEncoding is the Vary of a public document that is the same for
// every reader and has no words (a share image, oEmbed): only its
// encoding differs.
var varyEncoding = []string{echo.HeaderAcceptEncoding}

// varyPublicLocalized is the Vary of a public page in words: it differs
// too with the reader's language (the lang cookie or Accept-Language).
var varyPublicLocalized = []string{echo.HeaderCookie + ", " + echo.HeaderAcceptEncoding + ", " + "Accept-Language"}

// localized reports whether the page is in the interface's words (an HTML
// page, an Atom feed), and so differs with the reader's language; data
// (JSON, CSV, sitemaps) does not.
func (pg publicPage) localized() bool {
	return strings.HasPrefix(pg.contentType, echo.MIMETextHTML) || pg.contentType == atomType
}

// localeKeySuffix is what the cache key of a page in words ends with in
// the interface language tag: "|fr"; nothing in English, whose pages keep
// their plain keys. The prerenderer stores claim pages under the same
// keys, in the site's language.
func localeKeySuffix(tag string) string {
	if tag == i18n.Default {
		return ""
	}
	return "|" + tag
}

// fillTimeout bounds one fill, which no reader's going away cancels.
const fillTimeout = 30 * time.Second

// servePublic answers a GET or HEAD of a public page (see the top of this
// file). Signed-in users get a fresh page that is not cached anywhere,
// since it names them: neither here nor by a browser or proxy, which
// Vary: Cookie tells that the two differ.
func (h *Handler) servePublic(c echo.Context, pg publicPage) error {
	localized := pg.localized()
	// A page in words differs with the language cookie, so with Cookie,
	// even when it is the same for every reader.
	byCookie := localized || !pg.anyone
	switch hd := c.Response().Header(); {
	case len(hd[echo.HeaderVary]) == 0 && localized:
		hd[echo.HeaderVary] = varyPublicLocalized
	case len(hd[echo.HeaderVary]) == 0 && byCookie:
		hd[echo.HeaderVary] = varyPublic
	case len(hd[echo.HeaderVary]) == 0:
		hd[echo.HeaderVary] = varyEncoding
	default:
		if byCookie {
			varyCookie(c)
		}
		addVary(hd, echo.HeaderAcceptEncoding)
		if localized {
			addVary(hd, "Accept-Language")
		}
	}
	ctx := c.Request().Context()
	if localized {
		pg.key += localeKeySuffix(i18n.From(ctx).Tag())
	}
	if currentUser(c) != nil && !pg.anyone {
		c.Response().Header().Set("Cache-Control", "private, no-store")
		if pg.stream != nil {
			release, err := h.streamSlot(ctx)
			if err != nil {
				return err
			}
			defer release()
		}
		return h.store.Snapshot(ctx, func(sctx context.Context) error {
			v, err := h.freshVersion(sctx, pg)
			if err != nil {
				return err
			}
			pctx, err := h.pageContext(sctx, v)
			if err != nil {
				return err
			}
			req := c.Request()
			c.SetRequest(req.WithContext(pctx))
			defer c.SetRequest(req)
			if pg.stream != nil {
				return h.writeStream(c, pg)
			}
			body, err := pg.build(c)
			if err != nil {
				return err
			}
			return writeBody(c, http.StatusOK, pg.contentType, body, nil)
		})
	}
	gen := h.store.Generation()
	if pg.stream == nil {
		if e := h.cache.current(pg.key, gen); e != nil {
			return h.sendPage(c, pg.key, e)
		}
	}
	v, stored, err := h.pageVersionAndRender(ctx, pg, gen)
	if err != nil {
		return err
	}
	etag := h.etagFor(pg.key, v)
	if notModified(c.Request(), etag) {
		setValidators(c, etag, v.Modified)
		return c.NoContent(http.StatusNotModified)
	}
	if pg.stream != nil {
		release, err := h.streamSlot(ctx)
		if err != nil {
			return err
		}
		defer release()
		return h.store.Snapshot(ctx, func(sctx context.Context) error {
			v, err := h.freshVersion(sctx, pg)
			if err != nil {
				return err
			}
			setValidators(c, h.etagFor(pg.key, v), v.Modified)
			pctx, err := h.pageContext(sctx, v)
			if err != nil {
				return err
			}
			req := c.Request()
			c.SetRequest(req.WithContext(pctx))
			defer c.SetRequest(req)
			return h.writeStream(c, pg)
		})
	}
	e := h.cache.get(pg.key, etag)
	if e == nil {
		if e, err = h.fill(c, pg, etag, v.Modified, stored); err != nil {
			return err
		}
	}
	// The version read after the generation was gen is e's: e is current
	// until the generation moves on. (A fill may have seen a newer version
	// than this request did, or a fill joined here may have read an older
	// one before gen: neither is confirmed at gen.)
	if e.etag == etag {
		e.confirm(gen)
	}
	return h.sendPage(c, pg.key, e)
}

// sendPage sends e, the page under key, or 304 when the client holds it.
func (h *Handler) sendPage(c echo.Context, key string, e *cachedPage) error {
	putValidators(c, e.validators)
	if notModified(c.Request(), e.etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return h.cache.write(c, key, e)
}

// setValidators sets the headers that let a client revalidate its copy.
func setValidators(c echo.Context, etag string, modified time.Time) {
	putValidators(c, validatorValues(etag, modified))
}

// validators are the header values of a page's ETag and Last-Modified;
// lastModified is nil when the time is unknown.
type validators struct{ etag, lastModified []string }

func validatorValues(etag string, modified time.Time) validators {
	v := validators{etag: []string{etag}}
	if !modified.IsZero() {
		v.lastModified = []string{modified.UTC().Format(http.TimeFormat)}
	}
	return v
}

// putValidators sets v, with Cache-Control, on c's response.
func putValidators(c echo.Context, v validators) {
	hd := c.Response().Header()
	hd["Etag"] = v.etag
	hd["Cache-Control"] = publicNoCache
	if v.lastModified != nil {
		hd["Last-Modified"] = v.lastModified
	}
}

// publicNoCache lets any cache keep a public page if it revalidates it
// first.
var publicNoCache = []string{"public, no-cache"}

// fill produces the page that c asked for at etag (modified then), or a
// newer one, once for every reader asking at the same time. stored, when
// not nil, is what the stored renders held for the page as its version
// was read. It runs detached from c: a reader who goes away stops
// waiting, while the fill goes on for the rest.
func (h *Handler) fill(c echo.Context, pg publicPage, etag string, modified time.Time, stored *storedRender) (*cachedPage, error) {
	u := *c.Request().URL
	ctx := c.Request().Context()
	// A render stored under etag is the page of that version, since only
	// a snapshot at that version stores one: it needs no snapshot of its
	// own, and reading it is cheap enough for every reader to do.
	var e *cachedPage
	if stored == nil {
		e = h.storedPage(ctx, pg.key, etag, pg.contentType, modified)
	} else if stored.tag == etag {
		e = storedCachedPage(etag, modified, pg.contentType, stored.gz)
	}
	if e != nil {
		if h.cache.admit(pg.key) {
			h.cache.put(pg.key, e)
		}
		return e, nil
	}
	ch := h.cache.fills.DoChan(etag+pg.key, func() (any, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), fillTimeout)
		defer cancel()
		e, fresh, err := h.renderPage(fctx, pg, &u)
		if err != nil {
			return nil, err
		}
		h.cache.put(pg.key, e)
		if fresh {
			h.keepRender(pg.key, e)
		}
		return e, nil
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.(*cachedPage), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// renderPage reads the page's version and makes the page in one snapshot:
// from memory or the stored renders when they hold that version, else by
// rendering it as an anonymous request for u. fresh reports a new render.
func (h *Handler) renderPage(ctx context.Context, pg publicPage, u *url.URL) (e *cachedPage, fresh bool, err error) {
	err = h.store.Snapshot(ctx, func(sctx context.Context) error {
		v, err := h.freshVersion(sctx, pg)
		if err != nil {
			return err
		}
		etag := h.etagFor(pg.key, v)
		if e = h.cache.get(pg.key, etag); e != nil {
			return nil
		}
		if e = h.storedPage(sctx, pg.key, etag, pg.contentType, v.Modified); e != nil {
			return nil
		}
		if h := renderHook.Load(); h != nil {
			(*h)(pg.key)
		}
		pctx, err := h.pageContext(sctx, v)
		if err != nil {
			return err
		}
		body, err := pg.build(h.offlineContext(pctx, u))
		if err != nil {
			return err
		}
		e, fresh = newCachedPage(etag, v.Modified, pg.contentType, body), true
		return nil
	})
	return e, fresh, err
}

// pageContext is the context a page of version v is built under, from
// sctx, its snapshot: it carries the version, and the newsroom's name and
// time zone as that version's settings give them.
func (h *Handler) pageContext(sctx context.Context, v models.Version) (context.Context, error) {
	ctx := withPageVersion(sctx, v)
	st, err := h.settings(ctx)
	if err != nil {
		return nil, err
	}
	ctx = views.WithNewsroom(ctx, func() string { return st.OrganizationName })
	return views.WithZone(ctx, st.Location()), nil
}

// maxStreams is how many streamed documents are sent at once. Each holds
// a database connection for its snapshot while it is sent (at most the
// server's write timeout), so they are few, and readers of every other
// page keep the rest of the pool.
const maxStreams = 2

// streamWait is how long a streamed document waits for a free slot before
// the reader is told to come back (503 with Retry-After).
const streamWait = 5 * time.Second

// streamSlot waits for one of the maxStreams slots; release frees it.
func (h *Handler) streamSlot(ctx context.Context) (release func(), err error) {
	return acquireSlot(ctx, h.streams, streamWait, 10*time.Second)
}

// writeStream sends a streamed document, gzip-compressed on the fly when
// the client takes it.
func (h *Handler) writeStream(c echo.Context, pg publicPage) error {
	hd := c.Response().Header()
	hd.Set(echo.HeaderContentType, pg.contentType)
	if c.Request().Method == http.MethodHead {
		return c.NoContent(http.StatusOK)
	}
	var w io.Writer = c.Response()
	var gz *gzip.Writer
	if acceptsGzip(c) {
		hd.Set(echo.HeaderContentEncoding, "gzip")
		gz, _ = gzip.NewWriterLevel(c.Response(), gzip.BestSpeed)
		w = gz
	}
	c.Response().WriteHeader(http.StatusOK)
	if h := streamHook.Load(); h != nil {
		(*h)()
	}
	if err := pg.stream(c, w); err != nil {
		// The status is sent; the client sees a truncated body. A client
		// that went away is its own doing (info); anything else is ours.
		level := slog.LevelError
		if c.Request().Context().Err() != nil || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) {
			level = slog.LevelInfo
		}
		h.log.Log(c.Request().Context(), level, "stream failed", "request_id", requestIDOf(c), "path", c.Request().URL.Path, "err", err)
		return nil
	}
	if gz != nil {
		return gz.Close()
	}
	return nil
}

// renderBytes renders a component into memory, for a page's build.
func renderBytes(c echo.Context, comp templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
