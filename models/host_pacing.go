package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
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

// lockHost returns host's next_at, its row made when missing (due at
// once) and locked until the transaction ends (SQLite's one writer
// already serialises transactions).
func (s *Store) lockHost(tx *gorm.DB, host string) (time.Time, error) {
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&Host{Host: host, NextAt: time.Unix(0, 0).UTC()}).Error; err != nil {
		return time.Time{}, fmt.Errorf("host %s: %w", host, err)
	}
	q := tx
	if s.dialect == migrations.Postgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var row Host
	if err := q.Where("host = ?", host).Take(&row).Error; err != nil {
		return time.Time{}, fmt.Errorf("host %s: %w", host, err)
	}
	return row.NextAt.UTC(), nil
}

// ReserveHost asks for the next slot to send a request to host (a host
// name, lower case, as in a URL; the same name for every caller). When
// the host's slot is free it is taken, the next one set gap later, and
// the wait is 0: the caller may send its request now. Otherwise nothing
// changes and the wait says how long until the slot is free; the caller
// asks again then (another caller may take it first). One write
// transaction with the host's row locked, so that callers on any number
// of instances never share a slot. A gap of 0 or less paces nothing but
// still honours DelayHost.
func (s *Store) ReserveHost(ctx context.Context, host string, gap time.Duration) (time.Duration, error) {
	var wait time.Duration
	err := s.write(ctx, func(tx *gorm.DB) error {
		nextAt, err := s.lockHost(tx, host)
		if err != nil {
			return err
		}
		var newNext time.Time
		wait, newNext = hostSlot(nextAt, s.now(), gap)
		if wait > 0 {
			return nil
		}
		return tx.Model(&Host{}).Where("host = ?", host).Update("next_at", newNext).Error
	})
	if err != nil {
		return 0, fmt.Errorf("reserve host: %w", err)
	}
	return wait, nil
}

// DelayHost holds every request to host until until, as the host asked
// with Retry-After (RFC 9110, section 10.2.3); a wait already set that
// ends later stays.
func (s *Store) DelayHost(ctx context.Context, host string, until time.Time) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		nextAt, err := s.lockHost(tx, host)
		if err != nil {
			return err
		}
		if next := hostDelay(nextAt, until.UTC()); !next.Equal(nextAt) {
			return tx.Model(&Host{}).Where("host = ?", host).Update("next_at", next).Error
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delay host: %w", err)
	}
	return nil
}
