package models

import (
	"time"
)

// Per-host pacing. Link checks and archiving requests reach other people's
// servers; however many instances run, and however many sources one host
// holds, the product asks one host at most once per gap (DefaultHostGap
// unless configured), and not at all before a time the host asked for
// with Retry-After (RFC 9110, section 10.2.3). The hosts table holds, per
// host name, the earliest time the next request may go (next_at); every
// instance reads and moves it in one write transaction, so two never take
// the same slot.

// DefaultHostGap is the least time between two requests to one host.
const DefaultHostGap = 10 * time.Second

// hostSlot decides whether a request to a host may go now. nextAt is the
// host's next_at (zero when the host has none yet), now the current time
// and gap the least time between two requests to it. It returns the wait:
// 0 when the request may go now, and then newNext, the host's next_at from
// now on (now+gap); or how long until nextAt, and then newNext is nextAt
// unchanged. A gap of 0 or less takes the slot without moving next_at
// beyond now.
func hostSlot(nextAt, now time.Time, gap time.Duration) (wait time.Duration, newNext time.Time) {
	if nextAt.After(now) {
		return nextAt.Sub(now), nextAt
	}
	return 0, now.Add(max(gap, 0))
}

// hostDelay is a host's next_at once it asked not to be asked before
// until (a Retry-After): the later of the two, so that a short Retry-After
// never shortens a wait already set.
func hostDelay(nextAt, until time.Time) time.Time {
	if until.After(nextAt) {
		return until
	}
	return nextAt
}
