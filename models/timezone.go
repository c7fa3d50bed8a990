package models

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	// The IANA time zone database, built into the binary, so that the
	// newsroom's zone is known on any host, with or without zoneinfo files.
	_ "time/tzdata"

	"gorm.io/gorm"
)

// DefaultTimeZone is the newsroom's time zone until an admin sets one.
const DefaultTimeZone = "UTC"

// zones keeps the locations loaded by name: loading one parses its rules.
var zones sync.Map // string → *time.Location

// LoadZone returns the IANA time zone named name (such as "Europe/Paris"
// or "UTC"), or ok false when name is not one. "Local", the host's own
// zone, is refused: the newsroom's zone must not depend on the machine.
func LoadZone(name string) (loc *time.Location, ok bool) {
	if l, hit := zones.Load(name); hit {
		return l.(*time.Location), true
	}
	if name == "" || name == "Local" || len(name) > 64 || strings.ContainsAny(name, " \\") {
		return nil, false
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	zones.Store(name, l)
	return l, true
}

// Location is the newsroom's time zone, in which every date and time is
// shown; UTC when the setting names no zone this binary knows.
func (st SiteSettings) Location() *time.Location {
	if l, ok := LoadZone(st.TimeZone); ok {
		return l
	}
	return time.UTC
}

// DayOf is the calendar day on which the moment t falls in loc (UTC when
// nil), as midnight UTC: the form in which the store keeps calendar dates
// such as a claim's said_at, so that both kinds compare and print alike.
func DayOf(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Today is the newsroom's calendar day now (see today).
func (s *Store) Today(ctx context.Context) (time.Time, error) { return s.today(s.read(ctx)) }

// today is the calendar day it is now in the newsroom's time zone (the
// time_zone setting, read through db; UTC when unset or unknown), as
// DayOf gives it: the latest date a claim may have been said on, or a
// source or an article published on.
func (s *Store) today(db *gorm.DB) (time.Time, error) {
	var zone []string
	if err := db.Model(&Setting{}).Where("key = ?", "time_zone").Pluck("value", &zone).Error; err != nil {
		return time.Time{}, fmt.Errorf("read the newsroom's time zone: %w", err)
	}
	loc := time.UTC
	if len(zone) == 1 {
		if l, ok := LoadZone(zone[0]); ok {
			loc = l
		}
	}
	return DayOf(s.now(), loc), nil
}
