package pages

import (
	"context"
	"strconv"

	"claimtracker/models"
	"claimtracker/views/components"
)

// JobsPage is the background jobs page: how many jobs are in each state,
// the state shown ("" for every state) and a page of its jobs.
type JobsPage struct {
	Counts map[models.JobState]int64
	State  models.JobState
	List   models.JobList
}

// query is the page's address showing state, at page n.
func (j JobsPage) query(state models.JobState, n int) string {
	q := "/admin/jobs"
	sep := "?"
	if state != "" {
		q += sep + "state=" + string(state)
		sep = "&"
	}
	if n > 1 {
		q += sep + "page=" + strconv.Itoa(n)
	}
	return q
}

// total counts the jobs of every state.
func (j JobsPage) total() int64 {
	var n int64
	for _, c := range j.Counts {
		n += c
	}
	return n
}

// JobStateLabel names a job's state for people.
func JobStateLabel(st models.JobState) string {
	switch st {
	case models.JobQueued:
		return "Queued"
	case models.JobRunning:
		return "Running"
	case models.JobDone:
		return "Done"
	case models.JobFailed:
		return "Failed"
	}
	return string(st)
}

// jobWhen says when a job runs, ran or stopped, by its state: a queued
// job's run time, a running job's lease, a finished job's end; what the
// moment is, and the moment.
func jobWhen(ctx context.Context, j models.Job) (what, moment string) {
	switch {
	case j.State == models.JobQueued:
		return "Runs from", components.Moment(ctx, j.RunAt)
	case j.State == models.JobRunning && j.LeaseUntil != nil:
		return "Lease until", components.Moment(ctx, *j.LeaseUntil)
	case j.FinishedAt != nil && j.State == models.JobFailed:
		return "Failed", components.Moment(ctx, *j.FinishedAt)
	case j.FinishedAt != nil:
		return "Finished", components.Moment(ctx, *j.FinishedAt)
	}
	return "", ""
}

// jobEmpty is what the list says when no job is in state.
func jobEmpty(state models.JobState) string {
	switch state {
	case models.JobQueued:
		return "No job is waiting."
	case models.JobRunning:
		return "No job is running now."
	case models.JobFailed:
		return "No job has failed."
	case models.JobDone:
		return "No job finished in the last 7 days."
	}
	return "No background jobs yet. Saving a source queues its archiving."
}
