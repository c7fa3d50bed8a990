package models

import (
	"errors"
	"fmt"
	"time"
)

// Errors that callers map to HTTP statuses. Store methods wrap them with
// context; test them with errors.Is.
var (
	// ErrNotFound means the object does not exist, or the caller may not know it does.
	ErrNotFound = errors.New("not found")
	// ErrForbidden means the actor's role or relation to the object does not allow the action.
	ErrForbidden = errors.New("forbidden")
	// ErrConflict means the object's state does not allow the change (e.g. editing a published claim).
	ErrConflict = errors.New("conflict")
	// ErrBadCredentials means an email and password did not match an active account.
	ErrBadCredentials = errors.New("wrong email or password")
	// ErrUnauthenticated means a session or API token is missing, expired, revoked or its user disabled.
	ErrUnauthenticated = errors.New("not signed in")
	// ErrThrottled means a sign-in was refused, its password unchecked,
	// because of too many recent failures for that account or from that
	// client address (see LoginThrottle). It comes as a *RetryError.
	ErrThrottled = errors.New("too many failed sign-ins")
	// ErrBusy means every password-hashing slot stayed taken for as long as
	// a request may wait for one (Config.HashWait). It comes as a *RetryError.
	ErrBusy = errors.New("too many passwords being checked at once")
)

// RetryError is ErrThrottled or ErrBusy together with how long the client
// should wait before trying again (HTTP's Retry-After). Test for it with
// errors.Is(err, ErrThrottled) or errors.Is(err, ErrBusy); read the wait
// with RetryAfter.
type RetryError struct {
	// Err is ErrThrottled or ErrBusy.
	Err error
	// After is the wait, always at least one second.
	After time.Duration
}

// Error says what happened and when to try again.
func (e *RetryError) Error() string {
	return fmt.Sprintf("%v: try again in %v", e.Err, e.After)
}

// Unwrap returns ErrThrottled or ErrBusy.
func (e *RetryError) Unwrap() error { return e.Err }

// RetryAfter returns how long the client should wait before trying again
// when err is (or wraps) a *RetryError; ok is false otherwise.
func RetryAfter(err error) (wait time.Duration, ok bool) {
	var re *RetryError
	if errors.As(err, &re) {
		return re.After, true
	}
	return 0, false
}

// retryLater makes a *RetryError, rounding the wait up to whole seconds
// (Retry-After counts seconds) and to at least one.
func retryLater(err error, wait time.Duration) *RetryError {
	if r := wait % time.Second; r != 0 {
		wait += time.Second - r
	}
	return &RetryError{Err: err, After: max(wait, time.Second)}
}

// StaleError means the caller acted on a version of an object that is no
// longer current: someone changed it since it was read. It is an
// ErrConflict (HTTP 409).
type StaleError struct {
	// What names the object, e.g. "verdict 12".
	What string
	// Sent is the version the caller named; Current is the version now.
	Sent, Current int
}

// Error says which version was sent and which is current.
func (e *StaleError) Error() string {
	return fmt.Sprintf("%s is at version %d, not %d: %v", e.What, e.Current, e.Sent, ErrConflict)
}

// Unwrap makes a StaleError an ErrConflict.
func (e *StaleError) Unwrap() error { return ErrConflict }

// ConflictError is an ErrConflict (HTTP 409) whose reason the client may
// be told, e.g. that a speaker with claims cannot be deleted.
type ConflictError struct {
	// Reason is one or two sentences for the client: what stands in the
	// way, and what to do instead.
	Reason Reason
}

// Error is the reason in English.
func (e *ConflictError) Error() string { return e.Reason.String() }

// Unwrap makes a ConflictError an ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }
