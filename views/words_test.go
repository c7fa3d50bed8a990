package views_test

import (
	"context"
	"testing"
	"time"

	"claimtracker/i18n"
	"claimtracker/views"
	"claimtracker/views/components"
)

// The date helpers, one of each: a moment in the newsroom's zone with its
// time (DateTime), the day a moment fell on there (ShortDate, When), and a
// calendar day kept as midnight UTC, which no zone moves (DayDate in full,
// components.Day short).
func TestDatesOneHelperEach(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	moment := time.Date(2017, 3, 2, 14, 5, 0, 0, time.UTC)
	day := time.Date(2017, 1, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		lang                       string
		zone                       *time.Location
		dateTime, short, long, cal string
	}{
		{"en", tokyo, "2 Mar 2017, 23:05 JST", "2 Mar 2017", "10 January 2017", "10 Jan 2017"},
		{"en", la, "2 Mar 2017, 06:05 PST", "2 Mar 2017", "10 January 2017", "10 Jan 2017"},
		{"fr", time.UTC, "2 mars 2017 à 14:05 UTC", "2 mars 2017", "10 janvier 2017", "10 janv. 2017"},
	} {
		ctx := views.WithZone(i18n.WithLocale(context.Background(), i18n.For(c.lang)), c.zone)
		if got := views.DateTime(ctx, moment); got != c.dateTime {
			t.Errorf("%s %s: DateTime = %q, want %q", c.lang, c.zone, got, c.dateTime)
		}
		if got := components.When(ctx, &moment); got != c.short || views.ShortDate(ctx, moment) != got {
			t.Errorf("%s %s: When = %q, want %q", c.lang, c.zone, got, c.short)
		}
		if got := views.DayDate(ctx, day); got != c.long {
			t.Errorf("%s %s: DayDate = %q, want %q", c.lang, c.zone, got, c.long)
		}
		if got := components.Day(ctx, &day); got != c.cal {
			t.Errorf("%s %s: Day = %q, want %q", c.lang, c.zone, got, c.cal)
		}
	}
	ctx := context.Background()
	if components.Day(ctx, nil) != "" || components.When(ctx, nil) != "" {
		t.Error("no date is written as nothing")
	}
}
