package handlers

import (
	"github.com/labstack/echo/v4"
)

// adminJobRetry queues a failed background job again, and goes back to
// the jobs list in the state the form names (the list it was sent from).
func (h *Handler) adminJobRetry(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.RetryFailedJob(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	to := "/admin/jobs?done=job-retried"
	if st := jobStateParam(c.FormValue("state")); st != "" {
		to = "/admin/jobs?state=" + string(st) + "&done=job-retried"
	}
	return seeOther(c, to)
}
