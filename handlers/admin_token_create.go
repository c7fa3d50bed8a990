package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminTokenCreate makes an API token for an account and shows it once, in
// this response only; it is not stored anywhere it could be read again.
func (h *Handler) adminTokenCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "name")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := h.store.GetUser(ctx, id)
	if err != nil {
		return err
	}
	raw, _, err := h.store.CreateAPIToken(ctx, currentUser(c), meta(c), u.Email, f.Get("name"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderAdminUser(c, http.StatusUnprocessableEntity, id, f, "")
	}
	if err != nil {
		return err
	}
	return h.renderAdminUser(c, http.StatusCreated, id, f, raw)
}
