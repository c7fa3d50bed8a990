package handlers

import (
	"testing"
	"time"
)

func TestWaitsAreSaidInWholeUnitsRoundedUp(t *testing.T) {
	cases := []struct {
		wait    time.Duration
		seconds int
		words   string
	}{
		{0, 1, "1 second"},
		{time.Millisecond, 1, "1 second"},
		{time.Second, 1, "1 second"},
		{1001 * time.Millisecond, 2, "2 seconds"},
		{59 * time.Second, 59, "59 seconds"},
		{60 * time.Second, 60, "1 minute"},
		{64 * time.Second, 64, "2 minutes"},
		{15 * time.Minute, 900, "15 minutes"},
	}
	for _, c := range cases {
		if got := waitSeconds(c.wait); got != c.seconds {
			t.Errorf("waitSeconds(%v) = %d, want %d", c.wait, got, c.seconds)
		}
		if got := waitReason(c.wait).String(); got != c.words {
			t.Errorf("waitReason(%v) = %q, want %q", c.wait, got, c.words)
		}
	}
}
