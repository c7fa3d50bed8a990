package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// setupOpen reports whether the first-run page may be used: the token is
// right and no account exists yet. Otherwise the page does not exist.
func (h *Handler) setupOpen(c echo.Context, token string) error {
	if !h.setupTokenOK(token) {
		return models.ErrNotFound
	}
	n, err := h.store.CountUsers(c.Request().Context())
	if err != nil {
		return err
	}
	if n > 0 {
		return models.ErrNotFound
	}
	return nil
}

// setupShow shows the form that creates the first admin.
func (h *Handler) setupShow(c echo.Context) error {
	token := c.QueryParam("token")
	if err := h.setupOpen(c, token); err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.Setup(page(c, views.T(c.Request().Context(), "admin.setup.eyebrow")), views.Form{}, token))
}

// setupSubmit creates the first admin and signs them in.
func (h *Handler) setupSubmit(c echo.Context) error {
	f, err := parseForm(c, "token", "name", "email", "password")
	if err != nil {
		return err
	}
	if err := h.setupOpen(c, f.Get("token")); err != nil {
		return err
	}
	ctx := c.Request().Context()
	_, err = h.store.CreateFirstAdmin(ctx, meta(c), models.NewUser{Name: f.Get("name"), Email: f.Get("email"), Password: f.Get("password")})
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return render(c, http.StatusUnprocessableEntity, pages.Setup(page(c, views.T(ctx, "admin.setup.eyebrow")), f, f.Get("token")))
	}
	if errors.Is(err, models.ErrConflict) {
		return models.ErrNotFound
	}
	if err != nil {
		return err
	}
	token, _, err := h.store.Login(ctx, meta(c), f.Get("email"), f.Get("password"))
	if err != nil {
		return err
	}
	h.setSessionCookie(c, token, h.store.SessionLifetime())
	return seeOther(c, "/admin/users")
}
