// Package jobs runs the background jobs of the jobs table: archiving a
// source's page, checking its link, asking the Wayback Machine for a copy.
// Each instance runs a Runner; jobs are claimed with a lease (see
// models.Store.ClaimJob), so that each is done once across any number of
// instances, and one whose instance died (kill -9) is claimed again when
// its lease runs out.
package jobs

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"claimtracker/models"
)

// Handler does the work of one job of its kind. Returning nil completes
// the job; an error made by RetryAfter puts it back to wait, Permanent
// fails it at once, and any other error retries it after Backoff until its
// attempts run out, then fails it with the error as the reason (and the
// words for people that Explain gave it). A panic counts as an error with
// the panic's message.
//
// A handler must be idempotent: a job whose instance stopped, or whose
// lease ran out, runs again. It should return soon after ctx ends (the
// server stops, or the lease was taken over).
type Handler func(ctx context.Context, j *models.Job) error

// Config tunes a Runner. Zero fields take their defaults.
type Config struct {
	// Workers is how many jobs run at once (default 2).
	Workers int
	// Lease is how long a claim holds a job before another instance may
	// take it over (default 1 minute); the runner extends it every Lease/3
	// while the handler runs. It is also how long a job whose instance
	// died waits to run again.
	Lease time.Duration
	// Poll is how often an idle worker looks for due jobs (default 1
	// second). A job enqueued on this instance wakes a worker at once.
	Poll time.Duration
	// Grace is how long Run, when its context ends, waits for running
	// jobs to finish (default 15 seconds) before it cancels them and
	// leaves them to be claimed again.
	Grace time.Duration
	// Keep is how long done jobs are kept (default models.DefaultJobKeep);
	// the runner removes older ones every hour.
	Keep time.Duration
	// Logger receives the runner's messages (default slog.Default()).
	Logger *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = 2
	}
	if c.Lease <= 0 {
		c.Lease = time.Minute
	}
	if c.Poll <= 0 {
		c.Poll = time.Second
	}
	if c.Grace <= 0 {
		c.Grace = 15 * time.Second
	}
	if c.Keep <= 0 {
		c.Keep = models.DefaultJobKeep
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// afterCancel is how long Run still waits, once it has cancelled the jobs
// that outlived the grace period, for their handlers to return.
const afterCancel = 2 * time.Second

// pruneEvery is how often Run removes the done jobs older than Keep.
const pruneEvery = time.Hour

// settleTimeout bounds the write that records a job's outcome.
const settleTimeout = 10 * time.Second

// Runner claims due jobs from the Store and runs each with the handler of
// its kind.
type Runner struct {
	store *models.Store
	cfg   Config
	log   *slog.Logger

	mu       sync.Mutex
	handlers map[string]Handler

	wake chan struct{}
}

// New makes a Runner on store. Register handlers with Handle, then call
// Run (or, in tests, Drain).
func New(store *models.Store, cfg Config) *Runner {
	cfg = cfg.withDefaults()
	return &Runner{store: store, cfg: cfg, log: cfg.Logger, handlers: map[string]Handler{}, wake: make(chan struct{}, 1)}
}

// Handle registers h for the jobs of kind, replacing any handler before
// it. The runner claims only the kinds it has handlers for; register them
// before Run.
func (r *Runner) Handle(kind string, h Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handlers[kind] = h
}

// Kinds lists the kinds that have a handler, sorted.
func (r *Runner) Kinds() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	kinds := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

func (r *Runner) handler(kind string) Handler {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handlers[kind]
}

// Notify wakes an idle worker to look for due jobs now rather than at its
// next poll. Jobs enqueued through this runner's Store wake it by
// themselves (models.Store.JobsEnqueued).
func (r *Runner) Notify() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run claims and runs due jobs with Config.Workers workers until ctx
// ends. Then it claims no more, waits up to Config.Grace for the jobs
// running to finish, cancels those still running and returns (after at
// most a few more seconds): their leases run out, and another instance,
// or this one's next start, runs them again. It also removes, every hour,
// the done jobs older than Config.Keep and the finished webhook
// deliveries older than models.DefaultDeliveryKeep.
func (r *Runner) Run(ctx context.Context) {
	kinds := r.Kinds()
	r.log.Info("background jobs started", "workers", r.cfg.Workers, "kinds", kinds, "lease", r.cfg.Lease.String())
	// Running handlers outlive ctx by the grace period.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	var wg sync.WaitGroup
	if len(kinds) > 0 {
		for range r.cfg.Workers {
			wg.Go(func() { r.worker(ctx, work, kinds) })
		}
	}
	wg.Go(func() { r.pruneLoop(ctx) })
	<-ctx.Done()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	grace := time.NewTimer(r.cfg.Grace)
	defer grace.Stop()
	select {
	case <-done:
		r.log.Info("background jobs stopped")
		return
	case <-grace.C:
	}
	r.log.Warn("background jobs still running after the grace period were cancelled; they run again once their leases run out", "grace", r.cfg.Grace.String())
	cancelWork()
	select {
	case <-done:
	case <-time.After(afterCancel):
		r.log.Warn("a cancelled job's handler has not returned; stopping without it")
	}
}

// worker claims and runs jobs of kinds until stop ends; the jobs run
// under work, which outlives stop by the grace period.
func (r *Runner) worker(stop, work context.Context, kinds []string) {
	poll := time.NewTimer(r.cfg.Poll)
	defer poll.Stop()
	for stop.Err() == nil {
		// The claim runs under work: a claim that committed as stop
		// ended must not be reported as failed and its job forgotten.
		j, err := r.store.ClaimJob(work, kinds, r.cfg.Lease, rand.Text())
		if err != nil {
			r.log.Error("claim a job", "err", err)
		}
		if j != nil {
			r.Notify() // more may be due: an idle worker looks too
			if err := r.runJob(work, j); err != nil {
				r.log.Error("record a job's outcome; it runs again once its lease runs out", "job", j.ID, "kind", j.Kind, "err", err)
			}
			continue
		}
		poll.Reset(r.cfg.Poll)
		select {
		case <-stop.Done():
		case <-poll.C:
		case <-r.wake:
		case <-r.store.JobsEnqueued():
		}
	}
}

// Drain runs every due job of the kinds with a handler, one after the
// other in the caller's goroutine, until none is due, and returns. Jobs
// retried for later are not due: Drain does not wait for them. It returns
// the first error of the Store (a handler's error is recorded on its
// job, as Run does).
func (r *Runner) Drain(ctx context.Context) error {
	kinds := r.Kinds()
	for {
		j, err := r.store.ClaimJob(ctx, kinds, r.cfg.Lease, rand.Text())
		if err != nil || j == nil {
			return err
		}
		if err := r.runJob(ctx, j); err != nil {
			return err
		}
	}
}

// runJob runs claimed job j with its handler while a heartbeat extends its
// lease, and records the outcome. When the lease was lost meanwhile, or
// ctx ended before the handler succeeded, it records nothing: the job is
// left to whoever claims it next. The error is the Store's, when the
// outcome could not be recorded.
func (r *Runner) runJob(ctx context.Context, j *models.Job) error {
	jctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var lost bool
	beat := make(chan struct{})
	go func() {
		defer close(beat)
		lost = r.heartbeat(jctx, j)
		if lost {
			cancel(models.ErrLeaseLost)
		}
	}()
	start := time.Now()
	err := r.call(jctx, j)
	cancel(nil)
	<-beat
	took := time.Since(start).Round(time.Millisecond).String()
	if lost {
		r.log.Warn("job lease lost while it ran: another claim holds it now", "job", j.ID, "kind", j.Kind, "took", took)
		return nil
	}
	if err != nil && ctx.Err() != nil {
		r.log.Warn("job cancelled as the server stopped; it runs again once its lease runs out", "job", j.ID, "kind", j.Kind, "took", took)
		return nil
	}
	sctx, cancelSettle := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancelSettle()
	serr := r.settle(sctx, j, err, took)
	if errors.Is(serr, models.ErrLeaseLost) {
		r.log.Warn("job finished after its lease was taken over: its outcome is not recorded", "job", j.ID, "kind", j.Kind, "took", took)
		return nil
	}
	return serr
}

// settle records the outcome err of job j's attempt.
func (r *Runner) settle(ctx context.Context, j *models.Job, err error, took string) error {
	if err == nil {
		r.log.Info("job done", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "took", took)
		return r.store.CompleteJob(ctx, j.ID, j.LeaseToken)
	}
	reason, why := err.Error(), explanationOf(err)
	if d, ok := retryAfterOf(err); ok {
		at := r.store.Now().Add(d)
		r.log.Info("job waits", "job", j.ID, "kind", j.Kind, "reason", reason, "until", at)
		return r.store.RetryJob(ctx, j.ID, j.LeaseToken, at, reason, why, false)
	}
	if IsPermanent(err) || j.Attempts >= j.MaxAttempts {
		r.log.Error("job failed", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "of", j.MaxAttempts, "reason", reason, "took", took)
		return r.store.FailJob(ctx, j.ID, j.LeaseToken, reason, why)
	}
	at := r.store.Now().Add(Backoff(j.Attempts))
	r.log.Warn("job failed; it will be retried", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "of", j.MaxAttempts, "reason", reason, "retry_at", at, "took", took)
	return r.store.RetryJob(ctx, j.ID, j.LeaseToken, at, reason, why, true)
}

// call runs j's handler, turning a panic into an error; a job whose kind
// has no handler (it was removed since the claim) fails for good.
func (r *Runner) call(ctx context.Context, j *models.Job) (err error) {
	h := r.handler(j.Kind)
	if h == nil {
		return Permanent(fmt.Errorf("no handler for jobs of kind %q", j.Kind))
	}
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("job handler panicked", "job", j.ID, "kind", j.Kind, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return h(ctx, j)
}

// heartbeat extends j's lease every Lease/3 until ctx ends. It returns
// true when the lease was lost: another claim holds the job now.
func (r *Runner) heartbeat(ctx context.Context, j *models.Job) bool {
	t := time.NewTicker(max(r.cfg.Lease/3, time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
		}
		err := r.store.ExtendJobLease(ctx, j.ID, j.LeaseToken, r.cfg.Lease)
		switch {
		case errors.Is(err, models.ErrLeaseLost):
			return true
		case err != nil && ctx.Err() == nil:
			r.log.Warn("extend a job's lease", "job", j.ID, "kind", j.Kind, "err", err)
		}
	}
}

// pruneLoop removes the done jobs older than Keep, and the finished
// webhook deliveries older than models.DefaultDeliveryKeep, now and every
// hour until ctx ends.
func (r *Runner) pruneLoop(ctx context.Context) {
	t := time.NewTicker(pruneEvery)
	defer t.Stop()
	for {
		n, err := r.store.PruneJobs(ctx, r.store.Now().Add(-r.cfg.Keep))
		switch {
		case err != nil && ctx.Err() == nil:
			r.log.Warn("remove old done jobs", "err", err)
		case n > 0:
			r.log.Info("removed old done jobs", "jobs", n)
		}
		n, err = r.store.PruneWebhookDeliveries(ctx, r.store.Now().Add(-models.DefaultDeliveryKeep))
		switch {
		case err != nil && ctx.Err() == nil:
			r.log.Warn("remove old webhook deliveries", "err", err)
		case n > 0:
			r.log.Info("removed old webhook deliveries", "deliveries", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
