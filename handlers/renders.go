package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
)

// Rendered claim pages are also kept in the database (see
// models.PageRender), so that a page is rendered once per change of what
// it shows, not once per process or per eviction from memory, and the
// long tail of a large archive is served from stored bytes. Renders are
// saved in the background, in batches; a prerenderer renders the pages
// that have no current render yet.

// persistable reports whether pages under key are stored in the database.
func persistable(key string) bool { return strings.HasPrefix(key, "claim:") }

// storedPage returns a page's stored render at etag, or nil.
func (h *Handler) storedPage(ctx context.Context, key, etag, contentType string, modified time.Time) *cachedPage {
	if !persistable(key) {
		return nil
	}
	gz, err := h.store.PageRender(ctx, key, etag)
	if err != nil {
		return nil
	}
	return storedCachedPage(etag, modified, contentType, gz)
}

// keepRender queues a fresh render to be stored; when the queue is full the
// render is simply not stored.
func (h *Handler) keepRender(key string, e *cachedPage) {
	if h.renders == nil || !persistable(key) || e.gz == nil {
		return
	}
	select {
	case h.renders <- models.PageRender{Key: key, Tag: e.etag, Gzip: e.gz}:
	default:
	}
}

// saveRenders stores queued renders in batches until ctx ends.
func (h *Handler) saveRenders(ctx context.Context) {
	var batch []models.PageRender
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	flush := func() {
		if len(batch) == 0 {
			return
		}
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := h.store.SavePageRenders(fctx, batch); err != nil {
			h.log.Warn("store page renders", "count", len(batch), "err", err)
		}
		batch = batch[:0]
	}
	for {
		select {
		case <-ctx.Done():
			for {
				select {
				case r := <-h.renders:
					batch = append(batch, r)
				default:
					flush()
					return
				}
			}
		case r := <-h.renders:
			batch = append(batch, r)
			if len(batch) >= 200 {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
}

// prerender keeps a current render of every public claim page in the
// database, in the site's language (Admin → Settings), the one a reader
// who has chosen none and whose browser asks for none is given: it
// renders the pages whose stored render is missing or stale, then waits
// for the next change. A change of the site's language is a change of
// the settings, so the pass after it renders every page in the new one. After the first full pass it looks only
// at claims changed since the pass before began, unless what every page
// shows (the scale, the settings) changed. It yields often, so that
// readers come first.
func (h *Handler) prerender(ctx context.Context) {
	var since, shared int64
	for {
		gen := h.store.Generation()
		v, err := h.store.SiteVersion(ctx)
		if err == nil {
			from := since
			if v.Shared != shared {
				from = 0
			}
			// The pass starts at v: what changes from now on has a larger
			// number, and the next pass looks at it.
			var n int
			start := time.Now()
			var st models.SiteSettings
			if st, err = h.settings(ctx); err == nil {
				n, err = h.prerenderPass(ctx, st.Language, from, v.Shared)
			}
			if err == nil {
				since, shared = v.Seq, v.Shared
			}
			// A full pass that finished is always reported, so that an
			// operator (and the benchmark) can tell when every page has
			// its render.
			full := from == 0 && err == nil
			if n > 0 || full {
				h.log.Info("prerendered claim pages", "pages", n, "full", full, "took", time.Since(start).Round(time.Millisecond).String())
			}
		}
		if err != nil && ctx.Err() == nil {
			h.log.Warn("prerender", "err", err)
		}
		for h.store.Generation() == gen {
			select {
			case <-ctx.Done():
				return
			case <-time.After(2 * time.Second):
			}
		}
	}
}

// prerenderPass renders and stores every public claim page changed after
// the public change since (all when 0) whose stored render is not current
// at the shared version shared, in the interface language lang, and
// returns how many it rendered. Pages are stored under the keys readers
// of lang look them up by (see servePublic).
func (h *Handler) prerenderPass(ctx context.Context, lang string, since, shared int64) (int, error) {
	loc := i18n.For(lang)
	ctx = i18n.WithLocale(ctx, loc)
	suffix := localeKeySuffix(loc.Tag())
	done := 0
	var after uint
	for {
		stamps, last, err := h.store.PublicPageStamps(ctx, "claim:", suffix, since, after, 100)
		if err != nil || last == after {
			return done, err
		}
		after = last
		var batch []models.PageRender
		// One snapshot for the batch: each page is still made from the
		// version it reads there.
		err = h.store.Snapshot(ctx, func(sctx context.Context) error {
			for _, st := range stamps {
				pg := h.claimPage(st.Slug)
				pg.key += suffix
				if st.StoredTag == h.etagFor(pg.key, models.ClaimVersionOf(st.PublicVersion, shared, 0, 0)) {
					continue
				}
				e, fresh, err := h.renderPage(sctx, pg, &url.URL{Path: "/claims/" + st.Slug})
				if errors.Is(err, models.ErrNotFound) {
					continue // no longer public
				}
				if err != nil {
					return err
				}
				if !fresh || e.gz == nil {
					continue
				}
				batch = append(batch, models.PageRender{Key: pg.key, Tag: e.etag, Gzip: e.gz})
				done++
				if done%20 == 0 {
					select {
					case <-ctx.Done():
						return ctx.Err()
					case <-time.After(2 * time.Millisecond):
					}
				}
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		if err := h.store.SavePageRenders(ctx, batch); err != nil {
			return done, err
		}
	}
}

// offlineContext is an anonymous reader's GET of u, for rendering a page
// outside of a request.
func (h *Handler) offlineContext(ctx context.Context, u *url.URL) echo.Context {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u.RequestURI(), nil)
	return h.echo.NewContext(req, discardWriter{http.Header{}})
}

// discardWriter is a ResponseWriter that keeps nothing.
type discardWriter struct{ h http.Header }

func (d discardWriter) Header() http.Header         { return d.h }
func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d discardWriter) WriteHeader(int)             {}
