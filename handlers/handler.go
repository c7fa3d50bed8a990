// Package handlers serves Claimtracker over HTTP with Echo: the routes, one
// file per page or action, the middleware, form parsing, the one render
// helper and the one error handler.
package handlers

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"

	"github.com/labstack/echo/v4"

	"claimtracker/fetcher"
	"claimtracker/models"
)

// MaxBodyBytes is the largest request body accepted; larger ones get 413.
const MaxBodyBytes = 1 << 20

// DefaultPageCacheMiB is the memory of rendered public pages unless
// Config.PageCacheMiB says otherwise: some 10,000 compressed claim pages
// (see docs/performance.md for the server's memory with it).
const DefaultPageCacheMiB = 32

// Config is what the HTTP layer needs from the command that starts it.
type Config struct {
	// Store is the database.
	Store *models.Store
	// Logger receives one line per request and every internal error.
	Logger *slog.Logger
	// BaseURL is the public address of the site, e.g. https://facts.example.org.
	// An https base URL makes cookies Secure and turns on HSTS.
	BaseURL *url.URL
	// TrustedProxies are the networks of reverse proxies whose
	// X-Forwarded-For header is believed. Empty: the peer address is the client.
	TrustedProxies []*net.IPNet
	// SetupToken opens the first-run page that creates the first admin. It
	// works only while no account exists; "" turns the page off.
	SetupToken string
	// Context, when set, runs the background work (storing rendered pages,
	// and with Prerender rendering every public claim page ahead of its
	// readers) until it ends.
	Context   context.Context
	Prerender bool
	// Background, when set, counts the background goroutines, so that the
	// caller can wait for them to finish before closing the store.
	Background *sync.WaitGroup
	// Build names the code that renders pages. A public page's ETag, and
	// so the stored render it keys, depends on it and on BaseURL, besides
	// the page and its version: an instance never serves, nor answers 304
	// for, a page rendered by another build (an older binary sharing the
	// database) or for another public address. Empty: a hash of the
	// running executable.
	Build string
	// PageCacheMiB bounds the memory of rendered public pages kept in
	// memory, in MiB; 0 is DefaultPageCacheMiB.
	PageCacheMiB int
	// Fetcher fetches the outside pages that article intake reads (see
	// package fetcher for its rules). Nil: one with the default limits
	// that fetches public addresses only.
	Fetcher *fetcher.Client
}

// Handler holds what every route needs.
type Handler struct {
	store      *models.Store
	log        *slog.Logger
	baseURL    *url.URL
	secure     bool
	cookieName string
	setupToken string
	cop        *http.CrossOriginProtection
	cache      *pageCache
	// site is what every public page's bytes depend on besides the page
	// and its version: the public address and the build (see Config.Build).
	site     string
	versions versionCache
	echo     *echo.Echo
	// streams holds a token for each streamed document being sent.
	streams chan struct{}
	// renders queues fresh claim pages to be stored; nil without Context.
	renders chan models.PageRender
	// fetcher reaches outside URLs; fetchSlots holds a token for each
	// article page being fetched and read (see maxFetches).
	fetcher    *fetcher.Client
	fetchSlots chan struct{}
	// uploadSlots holds a token for each uploaded file held in memory
	// while it is checked and stored (see maxUploads).
	uploadSlots chan struct{}
	// blobSlots holds a token for each archived copy read at once (see
	// maxBlobReads).
	blobSlots chan struct{}
}

// New builds the Echo server with every route and middleware.
func New(cfg Config) *echo.Echo {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.BaseURL == nil {
		cfg.BaseURL = &url.URL{Scheme: "http", Host: "127.0.0.1:8080"}
	}
	if cfg.Build == "" {
		cfg.Build = executableBuild()
	}
	if cfg.PageCacheMiB <= 0 {
		cfg.PageCacheMiB = DefaultPageCacheMiB
	}
	if cfg.Fetcher == nil {
		cfg.Fetcher = fetcher.New(fetcher.Config{})
	}
	h := &Handler{
		site:        cfg.BaseURL.String() + "\x00" + cfg.Build,
		store:       cfg.Store,
		log:         cfg.Logger,
		baseURL:     cfg.BaseURL,
		secure:      cfg.BaseURL.Scheme == "https",
		setupToken:  cfg.SetupToken,
		cop:         http.NewCrossOriginProtection(),
		cache:       newPageCache(cfg.PageCacheMiB << 20),
		streams:     make(chan struct{}, maxStreams),
		fetcher:     cfg.Fetcher,
		fetchSlots:  make(chan struct{}, maxFetches),
		uploadSlots: make(chan struct{}, maxUploads),
		blobSlots:   make(chan struct{}, maxBlobReads),
	}
	h.cookieName = "claimtracker_session"
	if h.secure {
		// The __Host- prefix pins the cookie to this host, path /, Secure.
		h.cookieName = "__Host-claimtracker_session"
	}
	// Requests whose Origin is the public base URL are same-site even when a
	// proxy rewrote the Host header.
	_ = h.cop.AddTrustedOrigin(cfg.BaseURL.Scheme + "://" + cfg.BaseURL.Host)

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = h.handleError
	if len(cfg.TrustedProxies) > 0 {
		opts := make([]echo.TrustOption, 0, len(cfg.TrustedProxies)+1)
		opts = append(opts, echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false))
		for _, n := range cfg.TrustedProxies {
			opts = append(opts, echo.TrustIPRange(n))
		}
		e.IPExtractor = echo.ExtractIPFromXFFHeader(opts...)
	} else {
		// The TCP peer is the client; X-Forwarded-For is ignored.
		e.IPExtractor = echo.ExtractIPDirect()
	}
	h.echo = e
	h.routes(e)
	if cfg.Context != nil {
		wg := cfg.Background
		if wg == nil {
			wg = &sync.WaitGroup{}
		}
		h.renders = make(chan models.PageRender, 1024)
		wg.Go(func() { h.saveRenders(cfg.Context) })
		if cfg.Prerender {
			wg.Go(func() { h.prerender(cfg.Context) })
		}
	}
	return e
}

// setupTokenOK reports whether t is the first-run token, in constant time.
func (h *Handler) setupTokenOK(t string) bool {
	return h.setupToken != "" && subtle.ConstantTimeCompare([]byte(t), []byte(h.setupToken)) == 1
}
