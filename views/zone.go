package views

import (
	"context"
	"time"

	"claimtracker/models"
)

// zoneKey is the context key of the newsroom's time zone.
type zoneKey struct{}

// WithZone returns a copy of ctx in which pages show dates and times in
// loc, the newsroom's time zone (models.SiteSettings.Location).
func WithZone(ctx context.Context, loc *time.Location) context.Context {
	return context.WithValue(ctx, zoneKey{}, loc)
}

// Zone is the time zone in which pages rendered with ctx show dates and
// times: the one WithZone put there, or UTC.
func Zone(ctx context.Context) *time.Location {
	if loc, ok := ctx.Value(zoneKey{}).(*time.Location); ok && loc != nil {
		return loc
	}
	return time.UTC
}

// zoneOr is loc, or UTC when nil.
func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// DayOf is the calendar day on which the moment t falls in loc (UTC when
// nil), as midnight UTC: the form in which the store keeps calendar dates
// such as a claim's said_at, so that both kinds compare and print alike.
func DayOf(t time.Time, loc *time.Location) time.Time {
	return models.DayOf(t, loc)
}

// DateIn writes the calendar day on which the moment t falls in loc (UTC
// when nil) as YYYY-MM-DD (ISO 8601), as schema.org dates and sitemaps want.
func DateIn(t time.Time, loc *time.Location) string {
	return t.In(zoneOr(loc)).Format(models.DateLayout)
}
