package models

import (
	"strings"
	"sync"
	"time"

	// The IANA time zone database, built into the binary, so that the
	// newsroom's zone is known on any host, with or without zoneinfo files.
	_ "time/tzdata"
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
