package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiUpdateOpen opens an update of a published fact-check, as a copy of
// what is published (201). A claim that is not published, or that has an
// open update or verdict in review, is a 409.
func (h *Handler) apiUpdateOpen(c echo.Context) error {
	claimID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	u, err := h.store.OpenUpdate(c.Request().Context(), currentUser(c), meta(c), claimID)
	if err != nil {
		return err
	}
	return h.writeUpdateJSON(c, http.StatusCreated, u.ID)
}
