package linkcheck

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"time"

	"claimtracker/models"
)

// The scheduler's defaults.
const (
	// DefaultEvery is how often each instance asks for the checks that
	// are due.
	DefaultEvery = 5 * time.Minute
	// DefaultBatch is how many due sources one round considers.
	DefaultBatch = 500
)

// Scheduler asks, every few minutes, for a check_link job for each
// source whose check is due (models.Store.EnqueueLinkChecks). Every
// instance runs one: the jobs table adds each source's job once however
// many ask, and an instance that stops leaves the others asking. A loop
// rather than a job that enqueues itself again: nothing is lost if a
// round fails or an instance dies mid-round, and there is no chain of
// jobs to break.
type Scheduler struct {
	Store *models.Store
	// Interval is how long after its last check a source is checked
	// again; 0 or less turns link checks off (Run returns at once).
	Interval time.Duration
	// Every is how often a round runs (DefaultEvery when 0), each a little
	// early or late at random so that instances do not run in step.
	Every time.Duration
	// HostGap is the least time between two requests to one host
	// (models.DefaultHostGap when 0): one round asks for as many checks
	// of one host as fit in Every.
	HostGap time.Duration
	// Batch is how many due sources one round considers (DefaultBatch
	// when 0).
	Batch int
	// Logger gets a round's failures (slog.Default when nil).
	Logger *slog.Logger
}

// schedule is the round's LinkSchedule.
func (s *Scheduler) schedule() models.LinkSchedule {
	sch := models.LinkSchedule{Interval: s.Interval, Limit: s.Batch, HostGap: s.HostGap}
	if sch.Limit <= 0 {
		sch.Limit = DefaultBatch
	}
	if sch.HostGap <= 0 {
		sch.HostGap = models.DefaultHostGap
	}
	sch.PerHost = max(1, int(s.every()/sch.HostGap))
	return sch
}

func (s *Scheduler) every() time.Duration {
	if s.Every <= 0 {
		return DefaultEvery
	}
	return s.Every
}

// Round asks once for the checks that are due and returns how many it
// asked for.
func (s *Scheduler) Round(ctx context.Context) (int, error) {
	return s.Store.EnqueueLinkChecks(ctx, s.schedule())
}

// Run runs a round at once and then every Every (±10%), until ctx ends. A
// round that fails is logged and the next one tries again.
func (s *Scheduler) Run(ctx context.Context) {
	if s.Interval <= 0 {
		return
	}
	log := s.Logger
	if log == nil {
		log = slog.Default()
	}
	every := s.every()
	for {
		if _, err := s.Round(ctx); err != nil && ctx.Err() == nil {
			log.Warn("link checks: asking for the due checks failed", "err", err)
		}
		wait := every - every/10 + rand.N(every/5+1)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}
