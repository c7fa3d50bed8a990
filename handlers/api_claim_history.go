package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// historyJSON is a claim's audit trail, oldest first.
type historyJSON struct {
	Events []eventJSON `json:"events"`
}

// apiClaimHistory answers with every recorded change to a claim, oldest
// first: edits, sources, verdicts, reviews, publication and corrections.
func (h *Handler) apiClaimHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	events, err := h.store.ClaimHistory(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, historyJSON{Events: jsonList(events, newEventJSON)})
}
