package linkcheck

import (
	"context"
	"errors"

	"claimtracker/jobs"
	"claimtracker/models"
)

// errWait says why a check job waits: its host's slot is taken, or the
// host asked to be left alone for a while.
var errWait = errors.New("link check: waiting for the host")

// Handle is the check_link job's handler for the jobs runner: Run, with a
// wait turned into jobs.RetryAfter (the job waits without using up an
// attempt).
func (c *Checker) Handle(ctx context.Context, j *models.Job) error {
	return jobs.Waiting(c.Run, errWait)(ctx, j)
}
