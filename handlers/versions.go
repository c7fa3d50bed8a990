package handlers

import (
	"context"
	"sync"

	"claimtracker/models"
)

// versionCache remembers the site version for as long as the store's
// generation stays the same, so that a list, feed or search page is
// answered without asking the database for it; any write here, and any
// public change by another instance (announced or polled, see
// models.Store.Generation), moves the generation on and drops it. The
// rating scale and the settings are kept under the shared version they
// were read at, which every page's version includes.
//
// A claim page's version is not kept here: a page in memory carries the
// generation at which its version was last found current (see
// cachedPage.confirm), and a claim page that is not in memory needs its
// stored render, which is read in the same statement as its version.
type versionCache struct {
	// mu guards the rest: lookups share it; stores take it alone.
	mu   sync.RWMutex
	gen  uint64
	site *models.Version

	scale    sharedCopy[[]models.Rating]
	settings sharedCopy[models.SiteSettings]
}

// pageVersion is the version of a public page as this instance knows it:
// current for its own writes, and within moments of any other's.
func (h *Handler) pageVersion(ctx context.Context, pg publicPage) (models.Version, error) {
	v, _, err := h.pageVersionAndRender(ctx, pg, h.store.Generation())
	return v, err
}

// pageVersionAndRender is pageVersion, read after the store's generation
// was gen, and, when it had to read the version of a claim page whose
// renders are stored and which memory does not hold, the stored render
// read along with it (nil when none is stored), which is that version's
// page when its ETag is that version's.
func (h *Handler) pageVersionAndRender(ctx context.Context, pg publicPage, gen uint64) (models.Version, *storedRender, error) {
	if pg.claim != "" {
		if !persistable(pg.key) || h.cache.holds(pg.key) {
			v, err := h.freshVersion(ctx, pg)
			return v, nil, err
		}
		v, tag, gz, err := h.store.ClaimPageRender(ctx, pg.claim, pg.key)
		if err != nil {
			return v, nil, err
		}
		return v, &storedRender{tag: tag, gz: gz}, nil
	}
	vc := &h.versions
	vc.mu.RLock()
	if vc.gen == gen && vc.site != nil {
		v := *vc.site
		vc.mu.RUnlock()
		return v, nil, nil
	}
	vc.mu.RUnlock()
	v, err := h.freshVersion(ctx, pg)
	if err != nil {
		return v, nil, err
	}
	// Read after gen was, v is current for as long as gen is.
	vc.mu.Lock()
	if gen >= vc.gen {
		vc.gen, vc.site = gen, &v
	}
	vc.mu.Unlock()
	return v, nil, nil
}

// storedRender is what the stored renders held for a page when its
// version was read: tag is "" when they held nothing.
type storedRender struct {
	tag string
	gz  []byte
}

// freshVersion reads the version of a public page from the database (from
// the snapshot, when ctx has one).
func (h *Handler) freshVersion(ctx context.Context, pg publicPage) (models.Version, error) {
	if pg.claim != "" {
		return h.store.ClaimPageVersion(ctx, pg.claim)
	}
	return h.store.SiteVersion(ctx)
}

type pageVersionKey struct{}

// withPageVersion tells a page's build the version it renders.
func withPageVersion(ctx context.Context, v models.Version) context.Context {
	return context.WithValue(ctx, pageVersionKey{}, v)
}

// pageVersionOf is the version of the page being built under ctx.
func pageVersionOf(ctx context.Context) (models.Version, bool) {
	v, ok := ctx.Value(pageVersionKey{}).(models.Version)
	return v, ok
}

// shared is the shared version (rating scale and settings) that ctx reads:
// the page's own while building one, else this instance's current one.
func (h *Handler) shared(ctx context.Context) (int64, error) {
	if v, ok := pageVersionOf(ctx); ok {
		return v.Shared, nil
	}
	v, err := h.pageVersion(ctx, publicPage{})
	return v.Shared, err
}

// sharedCopy is something every page shows (the rating scale, the
// settings), kept under the shared version it was read at.
type sharedCopy[T any] struct {
	at  int64
	val *T
}

// sharedValue returns c's value at the shared version ctx reads, loading it
// when c holds another. A page's build loads it from the page's snapshot;
// anyone else loads it together with the shared version, in a snapshot of
// their own, so that a value is never kept under a version it is not.
func sharedValue[T any](h *Handler, ctx context.Context, c *sharedCopy[T], load func(context.Context) (T, error)) (T, error) {
	var zero T
	at, err := h.shared(ctx)
	if err != nil {
		return zero, err
	}
	vc := &h.versions
	vc.mu.RLock()
	if c.val != nil && c.at == at {
		v := *c.val
		vc.mu.RUnlock()
		return v, nil
	}
	vc.mu.RUnlock()
	var val T
	if _, building := pageVersionOf(ctx); building {
		val, err = load(ctx)
	} else {
		err = h.store.Snapshot(ctx, func(sctx context.Context) error {
			v, err := h.store.SiteVersion(sctx)
			if err != nil {
				return err
			}
			at = v.Shared
			val, err = load(sctx)
			return err
		})
	}
	if err != nil {
		return zero, err
	}
	vc.mu.Lock()
	if c.val == nil || at >= c.at {
		c.at, c.val = at, &val
	}
	vc.mu.Unlock()
	return val, nil
}

// ratings is the rating scale at the shared version ctx reads.
func (h *Handler) ratings(ctx context.Context) ([]models.Rating, error) {
	return sharedValue(h, ctx, &h.versions.scale, h.store.Ratings)
}

// settings are the site settings at the shared version ctx reads.
func (h *Handler) settings(ctx context.Context) (models.SiteSettings, error) {
	return sharedValue(h, ctx, &h.versions.settings, h.store.Settings)
}
