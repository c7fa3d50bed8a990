package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminJobs lists the background jobs, newest first: every state, or the
// one ?state= names (queued, running, failed, done; anything else shows
// every state), 50 to a page (?page=, from 1), with the count of each
// state.
func (h *Handler) adminJobs(c echo.Context) error {
	ctx := c.Request().Context()
	j := pages.JobsPage{State: jobStateParam(c.QueryParam("state"))}
	n, err := strconv.Atoi(c.QueryParam("page"))
	if err != nil || n < 1 {
		n = 1
	}
	if j.Counts, err = h.store.JobCounts(ctx); err != nil {
		return err
	}
	if j.List, err = h.store.ListJobs(ctx, models.JobFilter{State: j.State, Page: min(n, 1_000_000)}); err != nil {
		return err
	}
	p := page(c, views.T(ctx, "admin.jobs.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.AdminJobs(p, j))
}

// jobStateParam is the job state v names, or "" (every state) when it
// names none.
func jobStateParam(v string) models.JobState {
	for _, st := range models.JobStates {
		if string(st) == v {
			return st
		}
	}
	return ""
}
