package pages

import (
	"context"
	"time"

	"claimtracker/views"
)

// longDay writes a calendar date (such as a claim's said_at, which has no
// time and no zone) in full in the reader's language, such as "10 January
// 2017" or "10 de enero de 2017".
func longDay(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return views.DayDate(ctx, *t)
}
