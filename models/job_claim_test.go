package models_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// enqueue adds a job of kind with key (none when "") due at runAt.
func enqueue(t *testing.T, s *models.Store, kind, key string, runAt time.Time) {
	t.Helper()
	if err := s.EnqueueJob(context.Background(), kind, key, map[string]int{"n": 1}, runAt); err != nil {
		t.Fatalf("enqueue %s %s: %v", kind, key, err)
	}
}

// mustClaim claims a job of kinds and fails the test when none is due.
func mustClaim(t *testing.T, s *models.Store, token string, kinds ...string) *models.Job {
	t.Helper()
	j, err := s.ClaimJob(context.Background(), kinds, time.Minute, token)
	if err != nil {
		t.Fatalf("claim: %v", err)
	}
	if j == nil {
		t.Fatalf("claim %v: nothing due", kinds)
	}
	return j
}

// noClaim checks that no job of kinds is due.
func noClaim(t *testing.T, s *models.Store, kinds ...string) {
	t.Helper()
	j, err := s.ClaimJob(context.Background(), kinds, time.Minute, "nobody")
	if err != nil || j != nil {
		t.Fatalf("claim %v: %+v, %v; want nothing due", kinds, j, err)
	}
}

func getJob(t *testing.T, s *models.Store, id uint) *models.Job {
	t.Helper()
	j, err := s.GetJob(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// A claim takes the due job of the kinds asked for that is oldest by its
// run time, once; a job not yet due, or of another kind, waits.
func TestClaimJobTakesTheOldestDueJobOnce(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		now := clock.Now()
		enqueue(t, s, "mail", "", now.Add(-time.Minute))
		enqueue(t, s, "archive", "", now.Add(-2*time.Minute))
		enqueue(t, s, "archive", "", now.Add(-3*time.Minute))
		enqueue(t, s, "archive", "", now.Add(time.Hour))
		if j, err := s.ClaimJob(ctx, nil, time.Minute, "t"); err != nil || j != nil {
			t.Fatalf("no kinds: %+v %v", j, err)
		}
		if _, err := s.ClaimJob(ctx, []string{"archive"}, time.Minute, ""); err == nil {
			t.Fatal("a claim without a token was accepted")
		}
		first := mustClaim(t, s, "tok-1", "archive")
		if first.ID != 3 || first.State != models.JobRunning || first.Attempts != 1 || first.LeaseToken != "tok-1" ||
			first.LeaseUntil == nil || !first.LeaseUntil.Equal(now.Add(time.Minute)) {
			t.Fatalf("first claim: %+v", first)
		}
		stored := getJob(t, s, first.ID)
		if stored.State != models.JobRunning || stored.Attempts != 1 || stored.LeaseToken != "tok-1" || !stored.LeaseUntil.Equal(now.Add(time.Minute)) {
			t.Fatalf("stored after claim: %+v", stored)
		}
		if second := mustClaim(t, s, "tok-2", "archive"); second.ID != 2 {
			t.Fatalf("second claim: job %d, want 2", second.ID)
		}
		noClaim(t, s, "archive") // job 4 is not due, 2 and 3 are held
		if j := mustClaim(t, s, "tok-3", "archive", "mail"); j.ID != 1 || j.Kind != "mail" {
			t.Fatalf("mail claim: %+v", j)
		}
		clock.Add(time.Hour) // job 4 is due; 2 and 3's leases ran out, at the same moment
		got := []uint{mustClaim(t, s, "a", "archive").ID, mustClaim(t, s, "b", "archive").ID, mustClaim(t, s, "c", "archive").ID}
		if got[0] != 2 || got[1] != 3 || got[2] != 4 {
			t.Fatalf("after an hour, claimed %v; want the expired leases 2, 3 first, then 4", got)
		}
	})
}

// Only the claim that holds a job may extend, complete, retry or fail it:
// once its lease ran out and another instance claimed the job, the first
// claim's outcome is refused (ErrLeaseLost) and changes nothing.
func TestJobFencingRefusesAStaleClaim(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		enqueue(t, s, "archive", "archive:1", clock.Now())
		old := mustClaim(t, s, "old", "archive")
		clock.Add(30 * time.Second)
		noClaim(t, s, "archive")
		if err := s.ExtendJobLease(ctx, old.ID, "old", time.Minute); err != nil {
			t.Fatalf("heartbeat: %v", err)
		}
		clock.Add(59 * time.Second)
		noClaim(t, s, "archive") // the heartbeat moved the lease on, to 90 s
		clock.Add(2 * time.Second)
		taken := mustClaim(t, s, "new", "archive")
		if taken.ID != old.ID || taken.Attempts != 2 {
			t.Fatalf("re-claim: %+v", taken)
		}
		for name, err := range map[string]error{
			"extend":   s.ExtendJobLease(ctx, old.ID, "old", time.Minute),
			"complete": s.CompleteJob(ctx, old.ID, "old"),
			"retry":    s.RetryJob(ctx, old.ID, "old", clock.Now(), "x", models.Reason{}, true),
			"fail":     s.FailJob(ctx, old.ID, "old", "x", models.Reason{}),
			"no token": s.CompleteJob(ctx, old.ID, ""),
		} {
			if !errors.Is(err, models.ErrLeaseLost) || !errors.Is(err, models.ErrConflict) {
				t.Errorf("%s with the stale token: %v, want ErrLeaseLost", name, err)
			}
		}
		if j := getJob(t, s, old.ID); j.State != models.JobRunning || j.LeaseToken != "new" || j.Attempts != 2 || j.LastError != "" {
			t.Fatalf("the stale claim changed the job: %+v", j)
		}
		if err := s.CompleteJob(ctx, old.ID, "new"); err != nil {
			t.Fatal(err)
		}
		j := getJob(t, s, old.ID)
		if j.State != models.JobDone || j.FinishedAt == nil || j.LeaseUntil != nil || j.LeaseToken != "" {
			t.Fatalf("done: %+v", j)
		}
		if err := s.CompleteJob(ctx, old.ID, "new"); !errors.Is(err, models.ErrLeaseLost) {
			t.Fatalf("completed twice: %v", err)
		}
		clock.Add(time.Hour)
		noClaim(t, s, "archive")
	})
}

// A retried job waits for its run time; a retry that does not count (a
// host's pacing, Retry-After) gives its attempt back; a failed job is
// never claimed again; a running job whose lease ran out on its last
// attempt fails instead of running a sixth time.
func TestRetryAndFailJobs(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		enqueue(t, s, "check", "", clock.Now())
		j := mustClaim(t, s, "a", "check")
		if err := s.RetryJob(ctx, j.ID, "a", clock.Now().Add(2*time.Minute), "503 from example.org", models.Reason{}, true); err != nil {
			t.Fatal(err)
		}
		if got := getJob(t, s, j.ID); got.State != models.JobQueued || got.Attempts != 1 || got.LastError != "503 from example.org" ||
			got.LeaseToken != "" || got.LeaseUntil != nil || !got.RunAt.Equal(clock.Now().Add(2*time.Minute)) {
			t.Fatalf("after a counted retry: %+v", got)
		}
		clock.Add(119 * time.Second)
		noClaim(t, s, "check")
		clock.Add(time.Second)
		j = mustClaim(t, s, "b", "check")
		if j.Attempts != 2 {
			t.Fatalf("second attempt numbered %d", j.Attempts)
		}
		if err := s.RetryJob(ctx, j.ID, "b", clock.Now().Add(time.Minute), "host paced", models.Reason{}, false); err != nil {
			t.Fatal(err)
		}
		if got := getJob(t, s, j.ID); got.Attempts != 1 || got.LastError != "host paced" {
			t.Fatalf("a retry that does not count kept the attempt: %+v", got)
		}
		clock.Add(time.Minute)
		j = mustClaim(t, s, "c", "check")
		long := "refused: " + strings.Repeat("é", models.MaxJobReason) + "\x00\x1b"
		if err := s.FailJob(ctx, j.ID, "c", long, models.Reason{}); err != nil {
			t.Fatal(err)
		}
		got := getJob(t, s, j.ID)
		if got.State != models.JobFailed || got.FinishedAt == nil || len(got.LastError) > models.MaxJobReason ||
			!strings.HasPrefix(got.LastError, "refused: éé") || !strings.HasSuffix(got.LastError, "é…") {
			t.Fatalf("failed: state %s, %d bytes of reason ending %q", got.State, len(got.LastError), got.LastError[max(0, len(got.LastError)-10):])
		}
		clock.Add(24 * time.Hour)
		noClaim(t, s, "check")

		// Killed on every attempt: the fifth lease that runs out fails it.
		enqueue(t, s, "crash", "", clock.Now())
		for i := 1; i <= 5; i++ {
			if j := mustClaim(t, s, "k", "crash"); j.Attempts != i {
				t.Fatalf("claim %d numbered %d", i, j.Attempts)
			}
			clock.Add(2 * time.Minute)
		}
		noClaim(t, s, "crash")
		counts, err := s.JobCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts[models.JobFailed] != 2 || counts[models.JobRunning] != 0 || counts[models.JobQueued] != 0 || counts[models.JobDone] != 0 {
			t.Fatalf("counts %v", counts)
		}
		list, err := s.ListJobs(ctx, models.JobFilter{State: models.JobFailed})
		if err != nil || len(list.Items) != 2 || !strings.Contains(list.Items[0].LastError, "last attempt (5 of 5)") {
			t.Fatalf("the crashed job's reason: %+v %v", list.Items, err)
		}
	})
}

// Enqueueing work that is queued or running already adds nothing; once
// the job is done (or failed), the same work may be enqueued again.
func TestEnqueueDedupesByKeyWhileTheJobIsOpen(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		count := func() int64 {
			c, err := s.JobCounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return c[models.JobQueued] + c[models.JobRunning] + c[models.JobDone] + c[models.JobFailed]
		}
		enqueue(t, s, models.JobArchiveSource, "archive_source:source:7", clock.Now())
		enqueue(t, s, models.JobArchiveSource, "archive_source:source:7", clock.Now())
		enqueue(t, s, models.JobArchiveSource, "archive_source:source:8", clock.Now())
		if n := count(); n != 2 {
			t.Fatalf("%d jobs after enqueueing source 7 twice and 8 once", n)
		}
		j := mustClaim(t, s, "a", models.JobArchiveSource)
		enqueue(t, s, models.JobArchiveSource, *j.Key, clock.Now())
		if n := count(); n != 2 {
			t.Fatalf("enqueued again while running: %d jobs", n)
		}
		if err := s.CompleteJob(ctx, j.ID, "a"); err != nil {
			t.Fatal(err)
		}
		enqueue(t, s, models.JobArchiveSource, *j.Key, clock.Now())
		if n := count(); n != 3 {
			t.Fatalf("enqueued again once done: %d jobs, want 3", n)
		}
	})
}

// The Store signals JobsEnqueued after a commit that enqueued a job, and
// not for a transaction that enqueued nothing.
func TestJobsEnqueuedIsSignalledAfterCommit(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		select {
		case <-s.JobsEnqueued():
			t.Fatal("signalled before anything was enqueued")
		default:
		}
		enqueue(t, s, "mail", "k", clock.Now())
		select {
		case <-s.JobsEnqueued():
		default:
			t.Fatal("not signalled after an enqueue")
		}
		d := newDesk(t, s)
		if _, err := s.AuditEvents(d.ctx, models.AuditQuery{}); err != nil {
			t.Fatal(err)
		}
		select {
		case <-s.JobsEnqueued():
			t.Fatal("signalled by writes that enqueued nothing")
		default:
		}
	})
}

// Admins list jobs by state, newest first, a page at a time, with the
// source (and its claim) a job is about; they may queue a failed job
// again, which is audited; nobody else may, nor may a job that is not
// failed, or whose work is queued already, be queued again. Done jobs
// older than the cut-off are pruned; failed ones stay.
func TestAdminListsRetriesAndPrunesJobs(t *testing.T) {
	forEachClocked(t, func(t *testing.T, s *models.Store, clock *modelstest.Clock) {
		ctx := context.Background()
		d := newDesk(t, s)
		c, err := s.CreateClaim(ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		src, err := s.AddSource(ctx, d.ed, d.m, c.ID, report())
		if err != nil {
			t.Fatal(err)
		}
		// Saving a source may enqueue its own jobs: start from none.
		for {
			j, err := s.ClaimJob(ctx, []string{models.JobArchiveSource, models.JobCheckLink, models.JobWayback}, time.Minute, "setup")
			if err != nil {
				t.Fatal(err)
			}
			if j == nil {
				break
			}
			if err := s.CompleteJob(ctx, j.ID, "setup"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.PruneJobs(ctx, clock.Now().Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			enqueue(t, s, "mail", "", clock.Now())
		}
		if err := s.EnqueueJob(ctx, models.JobCheckLink, "check_link:source:x", models.SourceJob{SourceID: src.ID}, clock.Now()); err != nil {
			t.Fatal(err)
		}
		failed := mustClaim(t, s, "a", models.JobCheckLink)
		if err := s.FailJob(ctx, failed.ID, "a", "gone: 404", models.Reason{}); err != nil {
			t.Fatal(err)
		}
		list, err := s.ListJobs(ctx, models.JobFilter{PerPage: 4})
		if err != nil {
			t.Fatal(err)
		}
		if list.Total != 6 || list.Pages() != 2 || len(list.Items) != 4 || list.Items[0].ID != failed.ID ||
			list.Items[0].SourceID != src.ID || list.Items[0].ClaimID != c.ID || list.Items[1].SourceID != 0 {
			t.Fatalf("first page: total %d, pages %d, %+v", list.Total, list.Pages(), list.Items)
		}
		page2, err := s.ListJobs(ctx, models.JobFilter{PerPage: 4, Page: 2})
		if err != nil || len(page2.Items) != 2 || page2.Items[1].ID >= page2.Items[0].ID || page2.Items[0].ID >= list.Items[3].ID {
			t.Fatalf("second page: %+v %v", page2.Items, err)
		}
		if _, err := s.ListJobs(ctx, models.JobFilter{State: "lost"}); models.FieldErrors(err)["state"] == "" {
			t.Fatalf("unknown state: %v", err)
		}

		for _, u := range []*models.User{nil, d.ed, d.rev} {
			if err := s.RetryFailedJob(ctx, u, d.m, failed.ID); !errors.Is(err, models.ErrForbidden) {
				t.Errorf("retry by %v: %v", u, err)
			}
		}
		if err := s.RetryFailedJob(ctx, d.admin, d.m, 9999); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("retry of no job: %v", err)
		}
		if err := s.RetryFailedJob(ctx, d.admin, d.m, list.Items[1].ID); !errors.Is(err, models.ErrConflict) {
			t.Errorf("retry of a queued job: %v", err)
		}
		if err := s.RetryFailedJob(ctx, d.admin, d.m, failed.ID); err != nil {
			t.Fatal(err)
		}
		select {
		case <-s.JobsEnqueued():
		default:
			t.Error("a retried job did not wake the runner")
		}
		j := getJob(t, s, failed.ID)
		if j.State != models.JobQueued || j.Attempts != 0 || j.FinishedAt != nil || !j.RunAt.Equal(clock.Now()) || j.LastError != "gone: 404" {
			t.Fatalf("retried: %+v", j)
		}
		evs, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "job.retry"})
		if len(evs) != 1 || evs[0].ActorID == nil || *evs[0].ActorID != d.admin.ID || *evs[0].ObjectID != failed.ID || !strings.Contains(evs[0].Before, "gone: 404") {
			t.Fatalf("audit: %+v", evs)
		}
		if err := s.RetryFailedJob(ctx, d.admin, d.m, failed.ID); !errors.Is(err, models.ErrConflict) {
			t.Errorf("retried twice: %v", err)
		}

		// The same work failed once more while a new job for it waits: the
		// failed one stays failed.
		again := mustClaim(t, s, "b", models.JobCheckLink)
		if err := s.FailJob(ctx, again.ID, "b", "gone again", models.Reason{}); err != nil {
			t.Fatal(err)
		}
		if err := s.EnqueueJob(ctx, models.JobCheckLink, "check_link:source:x", models.SourceJob{SourceID: src.ID}, clock.Now()); err != nil {
			t.Fatal(err)
		}
		var ce *models.ConflictError
		if err := s.RetryFailedJob(ctx, d.admin, d.m, again.ID); !errors.As(err, &ce) || !strings.Contains(ce.Reason.String(), "queued or running already") {
			t.Fatalf("retry beside an open job of the same key: %v", err)
		}

		// Pruning: done jobs finished before the cut-off go.
		for i := 0; i < 5; i++ {
			j := mustClaim(t, s, "p", "mail")
			if err := s.CompleteJob(ctx, j.ID, "p"); err != nil {
				t.Fatal(err)
			}
		}
		clock.Add(8 * 24 * time.Hour)
		n, err := s.PruneJobs(ctx, clock.Now().Add(-models.DefaultJobKeep))
		if err != nil || n != 5 {
			t.Fatalf("pruned %d, %v; want the 5 done jobs", n, err)
		}
		counts, _ := s.JobCounts(ctx)
		if counts[models.JobDone] != 0 || counts[models.JobFailed] != 1 || counts[models.JobQueued] != 1 {
			t.Fatalf("after pruning: %v", counts)
		}
	})
}
