package pages

import (
	"context"
	"strconv"

	"claimtracker/models"
	"claimtracker/views"
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

// JobStateLabel names a job's state for people, in the page's language
// (models.JobState.Label).
func JobStateLabel(ctx context.Context, st models.JobState) string {
	return views.ReasonText(ctx, st.Label())
}

// JobKindLabel names a job's kind in the reader's language: what the job
// does ("Check the link"); a kind this server does not know is shown as
// it is stored.
func JobKindLabel(ctx context.Context, kind string) string {
	switch kind {
	case models.JobArchiveSource:
		return views.T(ctx, "admin.jobs.kind.archive_source")
	case models.JobCheckLink:
		return views.T(ctx, "admin.jobs.kind.check_link")
	case models.JobWayback:
		return views.T(ctx, "admin.jobs.kind.wayback")
	case models.JobSendMail:
		return views.T(ctx, "admin.jobs.kind.send_mail")
	case models.JobDeliverWebhook:
		return views.T(ctx, "admin.jobs.kind.deliver_webhook")
	}
	return kind
}

// jobWhen says when a job runs, ran or stopped, by its state: a queued
// job's run time, a running job's lease, a finished job's end; what the
// moment is, and the moment.
func jobWhen(ctx context.Context, j models.Job) (what, moment string) {
	switch {
	case j.State == models.JobQueued:
		return views.T(ctx, "admin.jobs.when.runs_from"), views.DateTime(ctx, j.RunAt)
	case j.State == models.JobRunning && j.LeaseUntil != nil:
		return views.T(ctx, "admin.jobs.when.lease_until"), views.DateTime(ctx, *j.LeaseUntil)
	case j.FinishedAt != nil && j.State == models.JobFailed:
		return views.T(ctx, "admin.jobs.when.failed"), views.DateTime(ctx, *j.FinishedAt)
	case j.FinishedAt != nil:
		return views.T(ctx, "admin.jobs.when.finished"), views.DateTime(ctx, *j.FinishedAt)
	}
	return "", ""
}

// jobEmpty is what the list says when no job is in state.
func jobEmpty(ctx context.Context, state models.JobState) string {
	switch state {
	case models.JobQueued:
		return views.T(ctx, "admin.jobs.empty.queued")
	case models.JobRunning:
		return views.T(ctx, "admin.jobs.empty.running")
	case models.JobFailed:
		return views.T(ctx, "admin.jobs.empty.failed")
	case models.JobDone:
		return views.T(ctx, "admin.jobs.empty.done")
	}
	return views.T(ctx, "admin.jobs.empty.all")
}
