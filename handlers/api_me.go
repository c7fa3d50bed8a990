package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// meResponse is the body of GET /api/v1/me: the account's id (as
// assignee_id and author_id give it), address, name and role.
type meResponse struct {
	ID    uint   `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

// apiMe returns the token's user.
func (h *Handler) apiMe(c echo.Context) error {
	u := currentUser(c)
	return writeJSON(c, http.StatusOK, meResponse{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role)})
}
