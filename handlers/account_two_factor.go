package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// accountTwoFactor shows the user's two-factor sign-in: how to set it up,
// the key being set up, or that it is on.
func (h *Handler) accountTwoFactor(c echo.Context) error {
	return h.renderTwoFactor(c, http.StatusOK, pages.TwoFactorView{})
}

// renderTwoFactor fills in the user's state and renders the two-factor page
// with v's forms and codes.
func (h *Handler) renderTwoFactor(c echo.Context, status int, v pages.TwoFactorView) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	var err error
	if v.Status, err = h.store.TwoFactorStatus(ctx, u); err != nil {
		return err
	}
	if v.MustEnrol, err = h.store.MustEnrolTwoFactor(ctx, u); err != nil {
		return err
	}
	if u.Role == models.RoleAdmin {
		st, err := h.store.Settings(ctx)
		if err != nil {
			return err
		}
		v.Required = st.RequireAdminTwoFactor
	}
	p := page(c, views.T(ctx, "admin.two_factor.title"))
	p.Flash = flash(c)
	return render(c, status, pages.AccountTwoFactor(p, v))
}
