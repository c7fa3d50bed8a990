package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// Heartbeat is one instance's proof that the database accepted a write: a
// row per running Store, rewritten by health checks at most once a second.
type Heartbeat struct {
	InstanceID string `gorm:"primaryKey"`
	BeatAt     time.Time
}

// HeartbeatEvery is how often at most a Store writes its heartbeat; health
// checks in between get the last result.
const HeartbeatEvery = time.Second

// heartbeatKeep is how long the heartbeats of instances that stopped are
// kept before a running one removes them.
const heartbeatKeep = 24 * time.Hour

// HealthError says why the database is not healthy. Reason is safe to show
// anyone (no address, path or credential); Err is the cause, for the log.
type HealthError struct {
	Reason string
	Err    error
}

// Error is the reason and, unless the reason already quotes it, its cause.
func (e *HealthError) Error() string {
	if cause := e.Err.Error(); !strings.Contains(e.Reason, cause) {
		return e.Reason + ": " + cause
	}
	return e.Reason
}

// Unwrap returns the cause.
func (e *HealthError) Unwrap() error { return e.Err }

// health holds the last result of CheckHealth.
type health struct {
	beating sync.Mutex // held while a heartbeat is written
	last    atomic.Pointer[healthResult]
	pruned  time.Time // guarded by beating
}

// healthResult is one heartbeat's outcome.
type healthResult struct {
	at  time.Time // when it was written (monotonic clock)
	err error
}

// newInstanceID names a Store in the heartbeats table.
func newInstanceID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	if len(host) > 40 {
		host = host[:40]
	}
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// CheckHealth reports whether the database answers and accepts a write: it
// writes this Store's heartbeat row. It writes at most once every
// HeartbeatEvery; checks in between return the last result. A failure is
// a *HealthError.
//
// While one check writes, the others return the last result if it is
// recent (under two HeartbeatEvery), or else wait for that write. A check
// given up by its caller (ctx canceled) is not kept as the last result; one
// that ran out of time is: a database that does not answer in time is not
// healthy.
func (s *Store) CheckHealth(ctx context.Context) error {
	fresh := func(r *healthResult, within time.Duration) bool { return r != nil && time.Since(r.at) < within }
	last := s.health.last.Load()
	if fresh(last, HeartbeatEvery) {
		return last.err
	}
	if !s.health.beating.TryLock() {
		if fresh(last, 2*HeartbeatEvery) {
			return last.err
		}
		s.health.beating.Lock()
	}
	defer s.health.beating.Unlock()
	if last := s.health.last.Load(); fresh(last, HeartbeatEvery) {
		return last.err
	}
	err := s.beat(ctx)
	if !errors.Is(ctx.Err(), context.Canceled) {
		s.health.last.Store(&healthResult{at: time.Now(), err: err})
	}
	return err
}

// beat writes the heartbeat, and now and then removes old ones. It does not
// move the generation on: a heartbeat changes nothing anyone sees.
func (s *Store) beat(ctx context.Context) error {
	now := s.now()
	err := s.w.WithContext(ctx).Exec(
		"INSERT INTO heartbeats (instance_id, beat_at) VALUES (?, ?) ON CONFLICT (instance_id) DO UPDATE SET beat_at = excluded.beat_at",
		s.instanceID, now).Error
	if err == nil && time.Since(s.health.pruned) > time.Hour {
		err = s.w.WithContext(ctx).Exec("DELETE FROM heartbeats WHERE beat_at < ?", now.Add(-heartbeatKeep)).Error
		if err == nil {
			s.health.pruned = time.Now()
		}
	}
	if err == nil {
		return nil
	}
	if perr := s.Ping(ctx); perr != nil {
		return &HealthError{Reason: "the database does not answer", Err: perr}
	}
	return &HealthError{Reason: "the database does not accept writes: " + writeFailure(ctx, err), Err: err}
}

// writeFailure names why a write failed in words safe to show: the
// engine's own message, which names no path or address.
func writeFailure(ctx context.Context, err error) string {
	var pg *pgconn.PgError
	var lite sqlite3.Error
	switch {
	case errors.As(err, &pg):
		return pg.Message
	case errors.As(err, &lite):
		return lite.Error()
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
		return "it did not finish in time"
	}
	return "the write failed"
}

// Heartbeats lists the heartbeat of every instance that wrote one in the
// last day, most recent first: which instances run on this database.
func (s *Store) Heartbeats(ctx context.Context) ([]Heartbeat, error) {
	var out []Heartbeat
	if err := s.read(ctx).Order("beat_at DESC, instance_id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list heartbeats: %w", err)
	}
	return out, nil
}
