package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminUserShow shows one account with its tokens.
func (h *Handler) adminUserShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderAdminUser(c, http.StatusOK, id, views.Form{}, "")
}

func (h *Handler) renderAdminUser(c echo.Context, status int, id uint, f views.Form, newToken string) error {
	return h.renderAdminUserView(c, status, id, pages.AdminUserView{Form: f, NewToken: newToken})
}

// renderAdminUserView renders the account's admin page with what v holds
// of the request (form, new token or reset link); the rest it reads.
func (h *Handler) renderAdminUserView(c echo.Context, status int, id uint, v pages.AdminUserView) error {
	ctx := c.Request().Context()
	u, err := h.store.GetUser(ctx, id)
	if err != nil {
		return err
	}
	v.User = u
	if v.Tokens, err = h.store.ListAPITokens(ctx, u.ID); err != nil {
		return err
	}
	if v.TwoFactor, err = h.store.TwoFactorStatus(ctx, u); err != nil {
		return err
	}
	p := page(c, u.Name)
	p.Flash = flash(c)
	return render(c, status, pages.AdminUser(p, v))
}
