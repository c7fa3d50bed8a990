package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// adminUserCreate adds an account.
func (h *Handler) adminUserCreate(c echo.Context) error {
	f, err := parseForm(c, "name", "email", "role", "password")
	if err != nil {
		return err
	}
	u, err := h.store.CreateUser(c.Request().Context(), currentUser(c), meta(c), models.NewUser{
		Name: f.Get("name"), Email: f.Get("email"), Role: models.Role(f.Get("role")), Password: f.Get("password"),
	})
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderAdminUsers(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/admin/users/"+strconv.FormatUint(uint64(u.ID), 10)+"?done=created")
}
