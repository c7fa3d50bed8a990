package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// routes registers every route. Middleware runs in this order: request id,
// the newsroom's name for pages (newsroomName, first so that every error
// page names the newsroom, whichever middleware refused the request),
// access log, security headers, no-store on private paths, body limit,
// cross-origin check, session, the interface language (locale; the error
// handler chooses it itself for a request refused before it),
// two-factor enrolment that the site requires,
// the input policy on path and query parameters. The account pages, the
// desk and administration then take the newsroom's time zone (see
// newsroomZone) and count in their navigation what waits for the user
// (deskCounts); public pages take the zone from the snapshot they are made
// from.
func (h *Handler) routes(e *echo.Echo) {
	e.Pre(h.requestID)
	e.Use(h.newsroomName, h.accessLog, h.securityHeaders, h.noStore, h.limitBody, h.crossOriginCheck, h.loadSession, h.locale, h.requireEnrolment, h.cleanParams)

	get(e, "/healthz", h.healthz)
	get(e, "/static/*", h.staticFile)

	// Public pages, feeds and data: published fact-checks only.
	get(e, "/", h.home)
	get(e, "/claims/:slug", h.claimShow)
	get(e, "/claims/:slug/share.png", h.claimShareImage)
	get(e, "/claims/:slug/embed", h.claimEmbed, frameable) // the one route other sites may frame
	get(e, "/oembed", h.oembed)
	get(e, "/people", h.peopleList)
	get(e, "/people/:slug", h.personShow)
	get(e, "/search", h.search)
	get(e, "/methodology", h.methodology)
	get(e, "/feed.atom", h.feedAtom)
	get(e, "/corrections.atom", h.correctionsAtom)
	get(e, "/sitemap.xml", h.sitemap)
	get(e, "/sitemaps/:name", h.sitemapPart)
	get(e, "/robots.txt", h.robots)
	get(e, "/claimreview.json", h.claimReviewFeed)
	get(e, "/export.csv", h.exportCSV)
	get(e, "/api/v1/public/claims", h.apiPublicClaims)
	get(e, "/api/v1/public/claims/:slug", h.apiPublicClaim)
	get(e, "/archive/:sha256", h.archiveShow)

	// Accounts.
	get(e, "/login", h.loginShow)
	e.POST("/login", h.loginSubmit)
	get(e, "/login/code", h.loginCodeShow)
	e.POST("/login/code", h.loginCodeSubmit)
	e.POST("/logout", h.logout)
	get(e, "/setup", h.setupShow)
	e.POST("/setup", h.setupSubmit)
	get(e, "/reset", h.passwordResetShow)
	e.POST("/reset", h.passwordResetSubmit)

	// The signed-in user's own account: every role (routes_account.go).
	h.accountRoutes(e.Group("/account", h.requireRole(models.RoleEditor), h.newsroomZone, h.deskCounts))

	// The desk: editors and above (routes_desk.go).
	h.deskRoutes(e.Group("/desk", h.requireRole(models.RoleEditor), h.newsroomZone, h.deskCounts))

	// Administration: admins only.
	admin := e.Group("/admin", h.requireRole(models.RoleAdmin), h.newsroomZone, h.deskCounts)
	get(admin, "", h.adminIndex)
	get(admin, "/users", h.adminUsers)
	admin.POST("/users", h.adminUserCreate)
	get(admin, "/users/:id", h.adminUserShow)
	admin.POST("/users/:id", h.adminUserUpdate)
	admin.POST("/users/:id/tokens", h.adminTokenCreate)
	admin.POST("/users/:id/reset-link", h.adminPasswordReset)
	admin.POST("/tokens/:id/revoke", h.adminTokenRevoke)
	h.adminRatingRoutes(admin)
	h.adminJobRoutes(admin)
	h.adminWebhookRoutes(admin)
	get(admin, "/settings", h.adminSettings)
	admin.POST("/settings", h.adminSettingsUpdate)

	// The JSON API with a bearer token (routes_api.go).
	h.apiRoutes(e.Group("/api/v1", h.requireToken))
}

// getter is the server or a group of its routes.
type getter interface {
	GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
	HEAD(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route
}

// get registers fn at path on r for GET and for HEAD: wherever GET works,
// HEAD answers as it does, with the same status and headers and without
// the body (RFC 9110 §9.3.2); the server drops what a handler writes to a
// HEAD. Every GET route is registered through it.
func get(r getter, path string, fn echo.HandlerFunc, m ...echo.MiddlewareFunc) {
	r.GET(path, fn, m...)
	r.HEAD(path, fn, m...)
}
