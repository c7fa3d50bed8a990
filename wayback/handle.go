package wayback

import (
	"context"
	"errors"

	"claimtracker/jobs"
	"claimtracker/models"
)

// errWait says why a wayback job waits: the endpoint's slot is taken, or
// it asked to be left alone for a while.
var errWait = errors.New("wayback: waiting for Save Page Now")

// Handle is the wayback job's handler for the jobs runner: Run, with a
// wait turned into jobs.RetryAfter (the job waits without using up an
// attempt).
func (w *Saver) Handle(ctx context.Context, j *models.Job) error {
	return jobs.Waiting(w.Run, errWait)(ctx, j)
}
