package handlers

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// healthJSON is the answer of /healthz.
type healthJSON struct {
	Status string `json:"status"`           // "ok" or "unavailable"
	Reason string `json:"reason,omitempty"` // why not ok, safe to show anyone
}

// healthz answers 200 {"status":"ok"} when the database accepts a write
// (this instance's heartbeat, written at most once a second), and 503
// {"status":"unavailable","reason":"…"} when it does not answer or refuses
// writes, with the reason.
func (h *Handler) healthz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	c.Response().Header().Set("Cache-Control", "no-store")
	if err := h.store.CheckHealth(ctx); err != nil {
		h.log.WarnContext(ctx, "health check failed", "request_id", requestIDOf(c), "err", err)
		reason := "the database is unavailable"
		var he *models.HealthError
		if errors.As(err, &he) {
			reason = he.Reason
		}
		return c.JSON(http.StatusServiceUnavailable, healthJSON{Status: "unavailable", Reason: reason})
	}
	return c.JSON(http.StatusOK, healthJSON{Status: "ok"})
}
