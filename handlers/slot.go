package handlers

import (
	"context"
	"time"

	"claimtracker/models"
)

// acquireSlot waits up to wait for a free token in slots. It returns
// release, which frees the token, or models.ErrBusy with retryAfter as the
// client's Retry-After when none came free in time, or ctx's error.
func acquireSlot(ctx context.Context, slots chan struct{}, wait, retryAfter time.Duration) (release func(), err error) {
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-t.C:
		return nil, &models.RetryError{Err: models.ErrBusy, After: retryAfter}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
