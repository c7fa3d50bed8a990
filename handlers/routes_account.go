package handlers

import (
	"github.com/labstack/echo/v4"
)

// accountRoutes registers the signed-in user's own pages under /account;
// the group already requires a signed-in user (every role is editor or
// above). Each acts on the current user only.
func (h *Handler) accountRoutes(g *echo.Group) {
	get(g, "", h.account)
	g.POST("/language", h.accountLanguage)
	g.POST("/email", h.accountEmail)
	get(g, "/password", h.accountPassword)
	g.POST("/password", h.accountPasswordUpdate)
	g.POST("/sessions/:id/revoke", h.accountSessionRevoke)
	g.POST("/tokens/:id/revoke", h.accountTokenRevoke)
	get(g, "/two-factor", h.accountTwoFactor)
	g.POST("/two-factor/setup", h.accountTwoFactorSetup)
	get(g, "/two-factor/qr.png", h.accountTwoFactorQR)
	g.POST("/two-factor/confirm", h.accountTwoFactorConfirm)
	g.POST("/two-factor/recovery-codes", h.accountRecoveryCodes)
	g.POST("/two-factor/disable", h.accountTwoFactorDisable)
}
