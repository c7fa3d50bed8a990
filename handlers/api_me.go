package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// meResponse is the body of GET /api/v1/me.
type meResponse struct {
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

// apiMe returns the token's user.
func (h *Handler) apiMe(c echo.Context) error {
	u := currentUser(c)
	return writeJSON(c, http.StatusOK, meResponse{Email: u.Email, Name: u.Name, Role: string(u.Role)})
}
