package webpage

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// isoLayouts are the forms of ISO 8601 (and RFC 3339) dates that pages
// write in their metadata, most common first.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// parseDate reads a publication date as pages write it: ISO 8601 first,
// then, with dateparse, the other common forms ("March 2, 2017", RFC
// 1123). A moment with an offset keeps it, so that its date is the date
// where it was written; one without is read as UTC. It returns the zero
// time for "" or anything it cannot read, and for years outside 1000–9999.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	var t time.Time
	var err error
	for _, l := range isoLayouts {
		if t, err = time.Parse(l, s); err == nil {
			break
		}
	}
	if err != nil {
		if t, err = dateparse.ParseIn(s, time.UTC); err != nil {
			return time.Time{}
		}
	}
	if t.Year() < 1000 || t.Year() > 9999 {
		return time.Time{}
	}
	return t
}
