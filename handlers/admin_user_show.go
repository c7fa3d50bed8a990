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
	ctx := c.Request().Context()
	u, err := h.store.GetUser(ctx, id)
	if err != nil {
		return err
	}
	tokens, err := h.store.ListAPITokens(ctx, u.ID)
	if err != nil {
		return err
	}
	p := page(c, u.Name)
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, status, pages.AdminUser(p, u, tokens, f, newToken))
}
