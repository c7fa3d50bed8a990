package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// routes registers every route. Middleware runs in this order: request id,
// access log, security headers, no-store on private paths, body limit,
// cross-origin check, session, two-factor enrolment that the site requires,
// the input policy on path and query parameters, the newsroom's time zone.
func (h *Handler) routes(e *echo.Echo) {
	e.Pre(h.requestID)
	e.Use(h.accessLog, h.securityHeaders, h.noStore, h.limitBody, h.crossOriginCheck, h.loadSession, h.requireEnrolment, h.cleanParams, h.newsroomZone)

	e.GET("/healthz", h.healthz)
	e.GET("/static/*", h.staticFile)

	// Public pages, feeds and data: published fact-checks only.
	e.GET("/", h.home)
	e.GET("/claims/:slug", h.claimShow)
	e.GET("/people", h.peopleList)
	e.GET("/people/:slug", h.personShow)
	e.GET("/search", h.search)
	e.GET("/methodology", h.methodology)
	e.GET("/feed.atom", h.feedAtom)
	e.GET("/corrections.atom", h.correctionsAtom)
	e.GET("/sitemap.xml", h.sitemap)
	e.GET("/sitemaps/:name", h.sitemapPart)
	e.GET("/robots.txt", h.robots)
	e.GET("/claimreview.json", h.claimReviewFeed)
	e.GET("/export.csv", h.exportCSV)
	e.GET("/api/v1/public/claims", h.apiPublicClaims)
	e.GET("/api/v1/public/claims/:slug", h.apiPublicClaim)

	// Accounts.
	e.GET("/login", h.loginShow)
	e.POST("/login", h.loginSubmit)
	e.GET("/login/code", h.loginCodeShow)
	e.POST("/login/code", h.loginCodeSubmit)
	e.POST("/logout", h.logout)
	e.GET("/setup", h.setupShow)
	e.POST("/setup", h.setupSubmit)
	e.GET("/reset", h.passwordResetShow)
	e.POST("/reset", h.passwordResetSubmit)

	// The signed-in user's own account: every role (routes_account.go).
	h.accountRoutes(e.Group("/account", h.requireRole(models.RoleEditor)))

	// The desk: editors and above (routes_desk.go).
	h.deskRoutes(e.Group("/desk", h.requireRole(models.RoleEditor)))

	// Administration: admins only.
	admin := e.Group("/admin", h.requireRole(models.RoleAdmin))
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
