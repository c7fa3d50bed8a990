package handlers

import (
	"context"
	"sync"

	"claimtracker/models"
)

// versionCache remembers the versions of public pages for as long as the
// store's generation stays the same, so that a cached page is answered
// without asking the database. Any write moves the generation on and
// empties it.
type versionCache struct {
	mu       sync.Mutex
	gen      uint64
	site     *models.Version
	claims   map[string]models.Version
	scale    []models.Rating
	settings *models.SiteSettings
}

// maxCachedVersions bounds the claim versions kept between two writes.
const maxCachedVersions = 20_000

// sync empties the cache when the generation has moved on; the caller holds mu.
func (vc *versionCache) sync(gen uint64) {
	if vc.gen != gen || vc.claims == nil {
		vc.gen, vc.site, vc.claims, vc.scale, vc.settings = gen, nil, map[string]models.Version{}, nil, nil
	}
}

// claimVersion is the version of a public claim page.
func (h *Handler) claimVersion(ctx context.Context, slug string) (models.Version, error) {
	gen := h.store.Generation()
	vc := &h.versions
	vc.mu.Lock()
	vc.sync(gen)
	v, ok := vc.claims[slug]
	vc.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := h.store.ClaimPageVersion(ctx, slug)
	if err != nil {
		return v, err
	}
	vc.mu.Lock()
	if vc.gen == gen && len(vc.claims) < maxCachedVersions {
		vc.claims[slug] = v
	}
	vc.mu.Unlock()
	return v, nil
}

// siteVersion is the version of everything public.
func (h *Handler) siteVersion(ctx context.Context) (models.Version, error) {
	gen := h.store.Generation()
	vc := &h.versions
	vc.mu.Lock()
	vc.sync(gen)
	site := vc.site
	vc.mu.Unlock()
	if site != nil {
		return *site, nil
	}
	v, err := h.store.SiteVersion(ctx)
	if err != nil {
		return v, err
	}
	vc.mu.Lock()
	if vc.gen == gen {
		vc.site = &v
	}
	vc.mu.Unlock()
	return v, nil
}

// ratings is the rating scale, read once per generation.
func (h *Handler) ratings(ctx context.Context) ([]models.Rating, error) {
	gen := h.store.Generation()
	vc := &h.versions
	vc.mu.Lock()
	vc.sync(gen)
	scale := vc.scale
	vc.mu.Unlock()
	if scale != nil {
		return scale, nil
	}
	scale, err := h.store.Ratings(ctx)
	if err != nil {
		return nil, err
	}
	vc.mu.Lock()
	if vc.gen == gen {
		vc.scale = scale
	}
	vc.mu.Unlock()
	return scale, nil
}

// settings are the site settings, read once per generation.
func (h *Handler) settings(ctx context.Context) (models.SiteSettings, error) {
	gen := h.store.Generation()
	vc := &h.versions
	vc.mu.Lock()
	vc.sync(gen)
	st := vc.settings
	vc.mu.Unlock()
	if st != nil {
		return *st, nil
	}
	v, err := h.store.Settings(ctx)
	if err != nil {
		return v, err
	}
	vc.mu.Lock()
	if vc.gen == gen {
		vc.settings = &v
	}
	vc.mu.Unlock()
	return v, nil
}
