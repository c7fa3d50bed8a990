package models

import (
	"testing"
	"time"
)

func TestHostSlot(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	gap := 10 * time.Second
	for _, tc := range []struct {
		name     string
		nextAt   time.Time
		gap      time.Duration
		wait     time.Duration
		wantNext time.Time
	}{
		{"a host never asked", time.Time{}, gap, 0, now.Add(gap)},
		{"its slot is past", now.Add(-time.Minute), gap, 0, now.Add(gap)},
		{"its slot is now", now, gap, 0, now.Add(gap)},
		{"asked 3 s ago", now.Add(7 * time.Second), gap, 7 * time.Second, now.Add(7 * time.Second)},
		{"a Retry-After of an hour", now.Add(time.Hour), gap, time.Hour, now.Add(time.Hour)},
		{"no gap", now.Add(-time.Second), 0, 0, now},
		{"a negative gap", time.Time{}, -time.Second, 0, now},
	} {
		wait, next := hostSlot(tc.nextAt, now, tc.gap)
		if wait != tc.wait || !next.Equal(tc.wantNext) {
			t.Errorf("%s: wait %v, next %v; want %v, %v", tc.name, wait, next, tc.wait, tc.wantNext)
		}
	}
}

func TestHostDelay(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	if got := hostDelay(now.Add(10*time.Second), now.Add(time.Hour)); !got.Equal(now.Add(time.Hour)) {
		t.Errorf("a longer Retry-After: %v", got)
	}
	if got := hostDelay(now.Add(time.Hour), now.Add(time.Minute)); !got.Equal(now.Add(time.Hour)) {
		t.Errorf("a shorter Retry-After shortened the wait: %v", got)
	}
	if got := hostDelay(time.Time{}, now.Add(time.Minute)); !got.Equal(now.Add(time.Minute)) {
		t.Errorf("a new host: %v", got)
	}
}
