package views

import (
	"context"
	"sync"

	"claimtracker/models"
)

// deskCountsKey is the context key of what waits for the signed-in user.
type deskCountsKey struct{}

// WithDeskCounts returns a copy of ctx in which desk pages count, in the
// navigation, what waits for the signed-in user (see models.DeskCounts).
// counts is called once, when a page first needs them, so that answers
// without a page never count.
func WithDeskCounts(ctx context.Context, counts func() (models.DeskCounts, error)) context.Context {
	return context.WithValue(ctx, deskCountsKey{}, sync.OnceValues(counts))
}

// DeskCountsOf is what WithDeskCounts counts, with ok false when ctx has
// no counts; an error is the one counting gave.
func DeskCountsOf(ctx context.Context) (c models.DeskCounts, ok bool, err error) {
	counts, ok := ctx.Value(deskCountsKey{}).(func() (models.DeskCounts, error))
	if !ok {
		return c, false, nil
	}
	c, err = counts()
	return c, true, err
}

// navCounts are the counts the navigation shows: zero when ctx has none
// or they could not be counted (the page then shows no badge; the desk's
// own page says why).
func navCounts(ctx context.Context) models.DeskCounts {
	c, ok, err := DeskCountsOf(ctx)
	if !ok || err != nil {
		return models.DeskCounts{}
	}
	return c
}
