package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// routes registers every route. Middleware runs in this order: request id,
// access log, security headers, no-store on private paths, body limit,
// cross-origin check, session, two-factor enrolment that the site requires,
// the input policy on path and query parameters, the newsroom's name for
// pages (newsroomName). The account pages, the
// desk and administration then take the newsroom's time zone (see
// newsroomZone); public pages take it from the snapshot they are made from.
func (h *Handler) routes(e *echo.Echo) {
	e.Pre(h.requestID)
	e.Use(h.accessLog, h.securityHeaders, h.noStore, h.limitBody, h.crossOriginCheck, h.loadSession, h.requireEnrolment, h.cleanParams, h.newsroomName)

	// Every page here answers HEAD as it answers GET, without the body
	// (RFC 9110 §9.3.2); the server drops what a handler writes to a HEAD.
	get := func(path string, fn echo.HandlerFunc) {
		e.GET(path, fn)
		e.HEAD(path, fn)
	}

	get("/healthz", h.healthz)
	get("/static/*", h.staticFile)

	// Public pages, feeds and data: published fact-checks only.
	get("/", h.home)
	get("/claims/:slug", h.claimShow)
	get("/people", h.peopleList)
	get("/people/:slug", h.personShow)
	get("/search", h.search)
	get("/methodology", h.methodology)
	get("/feed.atom", h.feedAtom)
	get("/corrections.atom", h.correctionsAtom)
	get("/sitemap.xml", h.sitemap)
	get("/sitemaps/:name", h.sitemapPart)
	get("/robots.txt", h.robots)
	get("/claimreview.json", h.claimReviewFeed)
	get("/export.csv", h.exportCSV)
	get("/api/v1/public/claims", h.apiPublicClaims)
	get("/api/v1/public/claims/:slug", h.apiPublicClaim)

	// Accounts.
	get("/login", h.loginShow)
	e.POST("/login", h.loginSubmit)
	get("/login/code", h.loginCodeShow)
	e.POST("/login/code", h.loginCodeSubmit)
	e.POST("/logout", h.logout)
	get("/setup", h.setupShow)
	e.POST("/setup", h.setupSubmit)
	get("/reset", h.passwordResetShow)
	e.POST("/reset", h.passwordResetSubmit)

	// The signed-in user's own account: every role (routes_account.go).
	h.accountRoutes(e.Group("/account", h.requireRole(models.RoleEditor), h.newsroomZone))

	// The desk: editors and above (routes_desk.go).
	h.deskRoutes(e.Group("/desk", h.requireRole(models.RoleEditor), h.newsroomZone))

	// Administration: admins only.
	admin := e.Group("/admin", h.requireRole(models.RoleAdmin), h.newsroomZone)
	admin.GET("", h.adminIndex)
	admin.GET("/users", h.adminUsers)
	admin.POST("/users", h.adminUserCreate)
	admin.GET("/users/:id", h.adminUserShow)
	admin.POST("/users/:id", h.adminUserUpdate)
	admin.POST("/users/:id/tokens", h.adminTokenCreate)
	admin.POST("/users/:id/reset-link", h.adminPasswordReset)
	admin.POST("/tokens/:id/revoke", h.adminTokenRevoke)
	h.adminRatingRoutes(admin)
	admin.GET("/settings", h.adminSettings)
	admin.POST("/settings", h.adminSettingsUpdate)

	// The JSON API with a bearer token (routes_api.go).
	h.apiRoutes(e.Group("/api/v1", h.requireToken))
}
