package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// quiet is a logger for runners whose messages the test does not read.
var quiet = slog.New(slog.DiscardHandler)

// logBuffer is a logger whose text output the test reads.
func logBuffer() (*slog.Logger, *modelstest.SyncBuffer) {
	var b modelstest.SyncBuffer
	return slog.New(slog.NewTextHandler(&b, nil)), &b
}

// forEachClocked runs fn on each engine with a fresh store on a clock.
func forEachClocked(t *testing.T, fn func(t *testing.T, s *models.Store, c *modelstest.Clock)) {
	t.Helper()
	for _, e := range modelstest.Engines() {
		t.Run(e, func(t *testing.T) {
			c := modelstest.NewClock(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
			fn(t, modelstest.Open(t, e, models.Config{Now: c.Now, Logger: quiet}), c)
		})
	}
}

func enqueue(t *testing.T, s *models.Store, kind, key string, runAt time.Time) {
	t.Helper()
	if err := s.EnqueueJob(context.Background(), kind, key, map[string]string{"key": key}, runAt); err != nil {
		t.Fatal(err)
	}
}

// only returns the one job of the store.
func only(t *testing.T, s *models.Store) models.Job {
	t.Helper()
	l, err := s.ListJobs(context.Background(), models.JobFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 1 {
		t.Fatalf("%d jobs, want 1", len(l.Items))
	}
	return l.Items[0].Job
}

// A handler's nil completes its job; an error retries it after the
// backoff (30 s, 2 min, 8 min, 32 min, with a quarter of jitter) until the
// fifth attempt fails it with the error as its reason, logged with the
// job's id and kind.
func TestDrainCompletesAndRetriesWithBackoff(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, c *modelstest.Clock) {
		ctx := context.Background()
		log, logged := logBuffer()
		r := jobs.New(s, jobs.Config{Logger: log})
		var calls atomic.Int32
		r.Handle("ok", func(ctx context.Context, j *models.Job) error {
			var p map[string]string
			if err := j.Decode(&p); err != nil || p["key"] != "ok:1" {
				return fmt.Errorf("payload %v %v", p, err)
			}
			calls.Add(1)
			return nil
		})
		r.Handle("flaky", func(ctx context.Context, j *models.Job) error {
			return fmt.Errorf("connection refused (attempt %d)", j.Attempts)
		})
		enqueue(t, s, "ok", "ok:1", c.Now())
		enqueue(t, s, "other", "", c.Now()) // no handler: never claimed
		if err := r.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		l, _ := s.ListJobs(ctx, models.JobFilter{State: models.JobDone})
		if calls.Load() != 1 || l.Total != 1 || l.Items[0].Kind != "ok" {
			t.Fatalf("ok ran %d times; done: %+v", calls.Load(), l.Items)
		}

		enqueue(t, s, "flaky", "flaky:1", c.Now())
		steps := []time.Duration{30 * time.Second, 2 * time.Minute, 8 * time.Minute, 32 * time.Minute}
		for i, step := range steps {
			if err := r.Drain(ctx); err != nil {
				t.Fatal(err)
			}
			f, err := s.ListJobs(ctx, models.JobFilter{State: models.JobQueued})
			if err != nil || f.Total != 2 || f.Items[0].Kind != "flaky" {
				t.Fatalf("attempt %d: %+v %v", i+1, f, err)
			}
			j := f.Items[0]
			wait := j.RunAt.Sub(c.Now())
			if j.Attempts != i+1 || wait < step*3/4 || wait > step*5/4 || j.LastError != fmt.Sprintf("connection refused (attempt %d)", i+1) {
				t.Fatalf("after attempt %d: attempts %d, waits %v (want %v ± 25%%), reason %q", i+1, j.Attempts, wait, step, j.LastError)
			}
			c.Add(wait - time.Second)
			if err := r.Drain(ctx); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.GetJob(ctx, j.ID); got.Attempts != i+1 {
				t.Fatalf("ran before its backoff ended: %+v", got)
			}
			c.Add(time.Second)
		}
		if err := r.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		f, _ := s.ListJobs(ctx, models.JobFilter{State: models.JobFailed})
		if f.Total != 1 || f.Items[0].Attempts != 5 || f.Items[0].LastError != "connection refused (attempt 5)" || f.Items[0].FinishedAt == nil {
			t.Fatalf("after five attempts: %+v", f.Items)
		}
		want := fmt.Sprintf("job=%d kind=flaky attempt=5 of=5 reason=\"connection refused (attempt 5)\"", f.Items[0].ID)
		if !strings.Contains(logged.String(), "msg=\"job failed\"") || !strings.Contains(logged.String(), want) {
			t.Fatalf("the failure is not logged with %s:\n%s", want, logged.String())
		}
		q, _ := s.ListJobs(ctx, models.JobFilter{State: models.JobQueued})
		if q.Total != 1 || q.Items[0].Kind != "other" {
			t.Fatalf("the job without a handler: %+v", q.Items)
		}
	})
}

// RetryAfter puts a job back to wait without using up its attempts, however
// many times; Permanent fails it at once; a panic is recovered and counts
// as a failure with its message.
func TestRetryAfterPermanentAndPanic(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, c *modelstest.Clock) {
		ctx := context.Background()
		r := jobs.New(s, jobs.Config{Logger: quiet})
		var waits atomic.Int32
		r.Handle("paced", func(ctx context.Context, j *models.Job) error {
			if waits.Add(1) <= 7 {
				return jobs.RetryAfter(errors.New("429 from example.org"), 90*time.Second)
			}
			return nil
		})
		enqueue(t, s, "paced", "", c.Now())
		for i := 1; i <= 7; i++ {
			if err := r.Drain(ctx); err != nil {
				t.Fatal(err)
			}
			j := only(t, s)
			if j.State != models.JobQueued || j.Attempts != 0 || !j.RunAt.Equal(c.Now().Add(90*time.Second)) || !strings.HasPrefix(j.LastError, "429 from example.org") {
				t.Fatalf("wait %d: %+v", i, j)
			}
			c.Add(90 * time.Second)
		}
		if err := r.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if j := only(t, s); j.State != models.JobDone || j.Attempts != 1 {
			t.Fatalf("after 7 waits (more than the 5 attempts): %+v", j)
		}
		if _, err := s.PruneJobs(ctx, c.Now().Add(time.Second)); err != nil {
			t.Fatal(err)
		}

		r.Handle("refused", func(ctx context.Context, j *models.Job) error {
			return jobs.Permanent(fmt.Errorf("refused: %w", errors.New("127.0.0.1 is a loopback address")))
		})
		enqueue(t, s, "refused", "", c.Now())
		if err := r.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if j := only(t, s); j.State != models.JobFailed || j.Attempts != 1 || j.LastError != "refused: 127.0.0.1 is a loopback address" {
			t.Fatalf("permanent: %+v", j)
		}
		l, _ := s.ListJobs(ctx, models.JobFilter{})
		if err := s.RetryFailedJob(ctx, adminOf(t, s), models.Meta{}, l.Items[0].ID); err != nil {
			t.Fatal(err)
		}
		r.Handle("refused", func(ctx context.Context, j *models.Job) error {
			var m map[string]int
			_ = m["x"]
			panic("assignment to entry in nil map")
		})
		if err := r.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if j := only(t, s); j.State != models.JobQueued || j.Attempts != 1 || j.LastError != "panic: assignment to entry in nil map" {
			t.Fatalf("after a panic: %+v", j)
		}
	})
}

func adminOf(t *testing.T, s *models.Store) *models.User {
	t.Helper()
	return modelstest.User(t, s, "admin@example.org", models.RoleAdmin)
}

// Backoff grows four times per attempt from 30 s, with a jitter within a
// quarter either way, and never passes six hours.
func TestBackoff(t *testing.T) {
	want := []time.Duration{30 * time.Second, 2 * time.Minute, 8 * time.Minute, 32 * time.Minute, 128 * time.Minute, 6 * time.Hour, 6 * time.Hour, 6 * time.Hour}
	for i, w := range want {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := jobs.Backoff(i + 1)
			lo := w * 3 / 4
			hi := min(w*5/4, jobs.BackoffMax)
			if d < lo || d > hi {
				t.Fatalf("Backoff(%d) = %v, want %v..%v", i+1, d, lo, hi)
			}
			seen[d] = true
		}
		if len(seen) < 50 {
			t.Errorf("Backoff(%d) took only %d values in 200 calls: no jitter", i+1, len(seen))
		}
	}
	if d := jobs.Backoff(1000); d > jobs.BackoffMax || d < jobs.BackoffMax*3/4 {
		t.Errorf("Backoff(1000) = %v", d)
	}
}

// A job enqueued on the runner's instance starts at once, long before the
// runner's next poll; the runner's heartbeat keeps the lease of a job that
// runs longer than it, so another instance does not take it over.
func TestRunStartsAnEnqueuedJobAtOnceAndKeepsItsLease(t *testing.T) {
	for _, e := range modelstest.Engines() {
		t.Run(e, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			dsn := modelstest.MigratedDSN(t, e)
			s := modelstest.OpenDSN(t, e, dsn, models.Config{Logger: quiet})
			other := modelstest.OpenDSN(t, e, dsn, models.Config{Logger: quiet})
			r := jobs.New(s, jobs.Config{Poll: time.Hour, Lease: 2 * time.Second, Logger: quiet})
			started := make(chan time.Time, 10)
			release := make(chan struct{})
			r.Handle("slow", func(ctx context.Context, j *models.Job) error {
				started <- time.Now()
				select {
				case <-release:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			done := make(chan struct{})
			go func() { defer close(done); r.Run(ctx) }()
			time.Sleep(100 * time.Millisecond) // the workers wait on their hour-long poll
			at := time.Now()
			enqueue(t, s, "slow", "slow:1", time.Now())
			select {
			case st := <-started:
				if st.Sub(at) > 2*time.Second {
					t.Fatalf("started %v after it was enqueued", st.Sub(at))
				}
			case <-time.After(5 * time.Second):
				t.Fatal("an enqueued job did not start")
			}
			// Three leases long: the heartbeat keeps it held.
			deadline := time.Now().Add(6 * time.Second)
			for time.Now().Before(deadline) {
				j, err := other.ClaimJob(ctx, []string{"slow"}, time.Minute, "thief")
				if err != nil || j != nil {
					t.Fatalf("another instance claimed the running job: %+v %v", j, err)
				}
				time.Sleep(200 * time.Millisecond)
			}
			close(release)
			waitFor(t, func() bool { return only(t, s).State == models.JobDone })
			if j := only(t, s); j.Attempts != 1 {
				t.Fatalf("ran %d times", j.Attempts)
			}
			cancel()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return")
			}
		})
	}
}

// On shutdown the runner waits for a running job within its grace period;
// past it, the job's handler is cancelled and the job is left running
// with its lease, to be claimed again when the lease runs out.
func TestRunShutdownWaitsForAJobOrLeavesIt(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, c *modelstest.Clock) {
		release := make(chan struct{})
		started := make(chan uint, 2)
		var cancelled atomic.Bool
		handler := func(ctx context.Context, j *models.Job) error {
			started <- j.ID
			select {
			case <-release:
				return nil
			case <-ctx.Done():
				cancelled.Store(true)
				return ctx.Err()
			}
		}
		run := func(grace time.Duration) (cancel func(), done chan struct{}) {
			r := jobs.New(s, jobs.Config{Grace: grace, Logger: quiet, Poll: 10 * time.Millisecond})
			r.Handle("slow", handler)
			ctx, cancel := context.WithCancel(context.Background())
			done = make(chan struct{})
			go func() { defer close(done); r.Run(ctx) }()
			return cancel, done
		}

		// Within the grace period: the job finishes and is done.
		enqueue(t, s, "slow", "a", c.Now())
		stop, done := run(5 * time.Second)
		<-started
		stop()
		select {
		case <-done:
			t.Fatal("Run returned while a job ran within its grace period")
		case <-time.After(300 * time.Millisecond):
		}
		close(release)
		<-done
		if j := only(t, s); j.State != models.JobDone || cancelled.Load() {
			t.Fatalf("after a shutdown within grace: %+v (cancelled %v)", j, cancelled.Load())
		}
		if _, err := s.PruneJobs(context.Background(), c.Now().Add(time.Second)); err != nil {
			t.Fatal(err)
		}

		// Past it: the handler is cancelled, the job stays running, and
		// runs again once its lease has run out.
		release = make(chan struct{})
		enqueue(t, s, "slow", "b", c.Now())
		stop, done = run(200 * time.Millisecond)
		first := <-started
		stop()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not return after its grace period")
		}
		j := only(t, s)
		if !cancelled.Load() || j.State != models.JobRunning || j.Attempts != 1 || j.LastError != "" {
			t.Fatalf("after a shutdown past grace: %+v (cancelled %v)", j, cancelled.Load())
		}
		c.Add(time.Minute + time.Second)
		stop, done = run(time.Second)
		defer func() { stop(); <-done }()
		if again := <-started; again != first {
			t.Fatalf("ran job %d, want %d again", again, first)
		}
		close(release)
		waitFor(t, func() bool { return only(t, s).State == models.JobDone })
		if j := only(t, s); j.Attempts != 2 {
			t.Fatalf("attempts %d, want 2", j.Attempts)
		}
	})
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Several instances on one database, each enqueueing the same work and
// running two workers, run each job exactly once: on Postgres three
// instances claim with FOR UPDATE SKIP LOCKED; on SQLite two instances
// share one file through its single writer.
func TestInstancesOnOneDatabaseRunEachJobOnce(t *testing.T) {
	for _, e := range modelstest.Engines() {
		t.Run(e, func(t *testing.T) {
			n := 2
			if e == "postgres" {
				n = 3
			}
			const total = 200
			dsn := modelstest.MigratedDSN(t, e)
			stores := make([]*models.Store, n)
			for i := range stores {
				stores[i] = modelstest.OpenDSN(t, e, dsn, models.Config{Logger: quiet})
			}
			// Every instance asks for the same work, at once.
			var enq sync.WaitGroup
			for _, s := range stores {
				enq.Go(func() {
					for k := range total {
						if err := s.EnqueueJob(context.Background(), "work", fmt.Sprintf("work:%d", k), map[string]int{"k": k}, time.Now()); err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			enq.Wait()
			counts, err := stores[0].JobCounts(context.Background())
			if err != nil || counts[models.JobQueued] != total {
				t.Fatalf("after %d instances enqueued the same %d jobs: %v %v", n, total, counts, err)
			}

			var mu sync.Mutex
			ran := map[uint]int{}
			byInstance := make([]int, n)
			ctx, cancel := context.WithCancel(context.Background())
			var runners sync.WaitGroup
			for i, s := range stores {
				r := jobs.New(s, jobs.Config{Workers: 2, Poll: 20 * time.Millisecond, Logger: quiet})
				r.Handle("work", func(ctx context.Context, j *models.Job) error {
					mu.Lock()
					ran[j.ID]++
					byInstance[i]++
					mu.Unlock()
					time.Sleep(2 * time.Millisecond)
					return nil
				})
				runners.Go(func() { r.Run(ctx) })
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				c, err := stores[0].JobCounts(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if c[models.JobDone] == total {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("not all done: %v", c)
				}
				time.Sleep(20 * time.Millisecond)
			}
			cancel()
			runners.Wait()
			mu.Lock()
			defer mu.Unlock()
			if len(ran) != total {
				t.Errorf("%d jobs ran, want %d", len(ran), total)
			}
			for id, times := range ran {
				if times != 1 {
					t.Errorf("job %d ran %d times", id, times)
				}
			}
			busy := 0
			for _, k := range byInstance {
				if k > 0 {
					busy++
				}
			}
			if busy < 2 {
				t.Errorf("jobs per instance %v: the instances did not share the work", byInstance)
			}
			t.Logf("jobs per instance: %v", byInstance)
			l, err := stores[0].ListJobs(context.Background(), models.JobFilter{PerPage: models.MaxJobsPerPage})
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range l.Items {
				if j.State != models.JobDone || j.Attempts != 1 {
					t.Errorf("job %d: %s after %d attempts", j.ID, j.State, j.Attempts)
				}
			}
		})
	}
}
