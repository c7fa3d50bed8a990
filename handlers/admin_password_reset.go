package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// adminPasswordReset makes a one-time password reset link for an account
// and shows it to the admin once, in this response only (there is no mail
// to send it by). A disabled account gets none: 409.
func (h *Handler) adminPasswordReset(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	token, expires, err := h.store.CreatePasswordReset(c.Request().Context(), currentUser(c), meta(c), id)
	if err != nil {
		return err
	}
	link := h.baseURL.JoinPath("/reset")
	link.RawQuery = url.Values{"token": {token}}.Encode()
	return h.renderAdminUserView(c, http.StatusCreated, id, pages.AdminUserView{Reset: &pages.PasswordResetLink{URL: link.String(), Expires: expires}})
}
