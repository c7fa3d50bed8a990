package jobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"claimtracker/models"
)

// retryAfterError asks for the job to run again after a wait, without
// counting a failure.
type retryAfterError struct {
	err   error
	after time.Duration
}

func (e *retryAfterError) Error() string {
	return fmt.Sprintf("%v (waiting %v)", e.err, e.after)
}

func (e *retryAfterError) Unwrap() error { return e.err }

// minRetryAfter is the shortest wait RetryAfter asks for, so that a job
// told to wait is never due again at once.
const minRetryAfter = time.Second

// RetryAfter returns an error that puts the job back in the queue to run
// once d has passed (at least a second), without counting the attempt as
// a failure: for a host's pacing, or an HTTP 429 or 503 answer's
// Retry-After (RFC 9110, section 10.2.3). The job's attempts are not used
// up, so a job may wait any number of times. err says why (nil: "told to
// wait").
func RetryAfter(err error, d time.Duration) error {
	if err == nil {
		err = errors.New("told to wait")
	}
	return &retryAfterError{err: err, after: max(d, minRetryAfter)}
}

// permanentError fails the job at once.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }

func (e *permanentError) Unwrap() error { return e.err }

// Permanent returns an error that fails the job at once, without the
// retries left: for a failure that trying again cannot mend (the address
// is refused by the fetcher's rules, the payload names nothing). err is
// the reason admins read (nil: "failed for good").
func Permanent(err error) error {
	if err == nil {
		err = errors.New("failed for good")
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err is, or wraps, an error made by Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// retryAfterOf returns the wait asked for by an error made by RetryAfter
// that err is or wraps; ok is false for any other error.
func retryAfterOf(err error) (d time.Duration, ok bool) {
	var r *retryAfterError
	if errors.As(err, &r) {
		return r.after, true
	}
	return 0, false
}

// Waiting makes a Handler of run, a job that may say how long to wait
// instead of working now (a host's pacing, a Retry-After): a wait above 0
// with no error becomes RetryAfter(why, wait), which does not use up an
// attempt; anything else passes through.
func Waiting(run func(context.Context, *models.Job) (time.Duration, error), why error) Handler {
	return func(ctx context.Context, j *models.Job) error {
		wait, err := run(ctx, j)
		if err == nil && wait > 0 {
			return RetryAfter(why, wait)
		}
		return err
	}
}

// explainedError is an error with words for people beside its own text.
type explainedError struct {
	err error
	why models.Reason
}

func (e *explainedError) Error() string { return e.err.Error() }

func (e *explainedError) Unwrap() error { return e.err }

// Explain returns err, unchanged in every other way, with why: what went
// wrong in words for people (a fetch failure, as the job's source records
// it), which the job keeps as its LastReason beside err's text (its
// LastError), so that /admin/jobs says it in the reader's language. An
// error without one (a bug, a panic, a lost database) is shown as its
// text.
func Explain(err error, why models.Reason) error {
	if err == nil {
		return nil
	}
	return &explainedError{err: err, why: why}
}

// explanationOf is the reason that err, or an error it wraps, was given by
// Explain; zero when none was.
func explanationOf(err error) models.Reason {
	var e *explainedError
	if errors.As(err, &e) {
		return e.why
	}
	return models.Reason{}
}
