package pages

import (
	"context"
	"time"

	"claimtracker/models"
	"claimtracker/views"
)

// longDay writes a calendar date (such as a claim's said_at, which has no
// time and no zone) in full, such as "10 January 2017".
func longDay(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return views.DayDate(ctx, *t)
}

// saidWhen is the date and setting of a claim, as they follow the
// speaker's name: ", 10 January 2017 · Senate confirmation hearing".
func saidWhen(ctx context.Context, c *models.Claim) string {
	s := ""
	if c.SaidAt != nil {
		s += ", " + longDay(ctx, c.SaidAt)
	}
	if c.Setting != "" {
		s += " · " + c.Setting
	}
	return s
}
