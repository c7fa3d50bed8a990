package handlers

import (
	"context"
	"sync"

	"claimtracker/models"
)

// versionCache remembers what public pages are made of (their versions,
// the rating scale, the settings) for as long as the store's generation
// stays the same, so that a cached page is answered without asking the
// database. Any write moves the generation on and empties it.
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

// generational returns what get finds in the cache at the current
// generation, or else loads it and, if no write came in between, keeps it
// with put.
func generational[T any](h *Handler, get func(*versionCache) (T, bool), put func(*versionCache, T), load func() (T, error)) (T, error) {
	gen := h.store.Generation()
	vc := &h.versions
	vc.mu.Lock()
	vc.sync(gen)
	v, ok := get(vc)
	vc.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	vc.mu.Lock()
	if vc.gen == gen {
		put(vc, v)
	}
	vc.mu.Unlock()
	return v, nil
}

// claimVersion is the version of a public claim page.
func (h *Handler) claimVersion(ctx context.Context, slug string) (models.Version, error) {
	return generational(h,
		func(vc *versionCache) (models.Version, bool) { v, ok := vc.claims[slug]; return v, ok },
		func(vc *versionCache, v models.Version) {
			if len(vc.claims) < maxCachedVersions {
				vc.claims[slug] = v
			}
		},
		func() (models.Version, error) { return h.store.ClaimPageVersion(ctx, slug) })
}

// siteVersion is the version of everything public.
func (h *Handler) siteVersion(ctx context.Context) (models.Version, error) {
	return generational(h,
		func(vc *versionCache) (models.Version, bool) {
			if vc.site == nil {
				return models.Version{}, false
			}
			return *vc.site, true
		},
		func(vc *versionCache, v models.Version) { vc.site = &v },
		func() (models.Version, error) { return h.store.SiteVersion(ctx) })
}

// ratings is the rating scale, read once per generation.
func (h *Handler) ratings(ctx context.Context) ([]models.Rating, error) {
	return generational(h,
		func(vc *versionCache) ([]models.Rating, bool) { return vc.scale, vc.scale != nil },
		func(vc *versionCache, v []models.Rating) { vc.scale = v },
		func() ([]models.Rating, error) { return h.store.Ratings(ctx) })
}

// settings are the site settings, read once per generation.
func (h *Handler) settings(ctx context.Context) (models.SiteSettings, error) {
	return generational(h,
		func(vc *versionCache) (models.SiteSettings, bool) {
			if vc.settings == nil {
				return models.SiteSettings{}, false
			}
			return *vc.settings, true
		},
		func(vc *versionCache, v models.SiteSettings) { vc.settings = &v },
		func() (models.SiteSettings, error) { return h.store.Settings(ctx) })
}
