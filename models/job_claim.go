package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
)

// ErrLeaseLost means a job is no longer held by the claim that names it:
// its lease ran out and another claim took it, or it was finished
// already. The holder must leave the job as it is. It is an ErrConflict.
var ErrLeaseLost = fmt.Errorf("%w: the job is no longer held by this claim", ErrConflict)

// MaxJobReason is the longest reason (LastError) a job keeps, in bytes;
// a longer one is cut at a character boundary.
const MaxJobReason = 4000

// JobsEnqueued is signalled, without blocking, after this Store commits a
// transaction that enqueued a job (or an admin re-queued one), so that a
// runner on this instance may start it at once. The channel holds one
// signal: several commits before it is read make one wake-up. Jobs
// enqueued by other instances are not signalled; runners poll for them.
func (s *Store) JobsEnqueued() <-chan struct{} { return s.jobsEnqueued }

// signalJobs wakes a runner waiting on JobsEnqueued.
func (s *Store) signalJobs() {
	select {
	case s.jobsEnqueued <- struct{}{}:
	default:
	}
}

// jobsTouched records that the transaction tx (run by Store.write)
// enqueued a job, so that JobsEnqueued is signalled when it commits.
func jobsTouched(tx *gorm.DB) {
	if t, ok := tx.Statement.Context.Value(touchesKey{}).(*touches); ok {
		t.jobs = true
	}
}

// ClaimJob claims the job of one of kinds that is due first, for lease,
// under token (a value new to this claim: the caller must name it to
// extend, complete, retry or fail the job). A job is due when it is
// queued and its RunAt has come, or running with a lease that ran out (the
// instance that held it stopped: it is claimed again, the lease expired
// first before the queued jobs). The claimed job is running with
// LeaseUntil now+lease and one more attempt. ClaimJob returns nil, nil
// when nothing is due.
//
// The claim is one write transaction: on Postgres the row is taken with
// FOR UPDATE SKIP LOCKED, so that instances claiming at once each get a
// different job; on SQLite the single writer connection (BEGIN IMMEDIATE)
// serialises claims. A running job whose lease ran out on its last
// attempt (it stopped its instance each time) is failed instead of
// claimed again.
func (s *Store) ClaimJob(ctx context.Context, kinds []string, lease time.Duration, token string) (*Job, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	if token == "" || lease <= 0 {
		return nil, errors.New("claim job: a token and a positive lease are required")
	}
	// Most polls find nothing: a read says so without taking the writer.
	var ids []uint
	now := s.now()
	err := s.read(ctx).Model(&Job{}).Where("kind IN ?", kinds).
		Where("(state = ? AND run_at <= ?) OR (state = ? AND lease_until < ?)", JobQueued, now, JobRunning, now).
		Limit(1).Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("claim job: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var claimed *Job
	err = s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := s.now()
		lock := func() *gorm.DB {
			q := tx.Where("kind IN ?", kinds)
			if s.dialect == migrations.Postgres {
				q = q.Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"})
			}
			return q
		}
		for {
			var j Job
			err := lock().Where("state = ? AND lease_until < ?", JobRunning, now).Order("lease_until, id").Take(&j).Error
			if errors.Is(err, gorm.ErrRecordNotFound) {
				err = lock().Where("state = ? AND run_at <= ?", JobQueued, now).Order("run_at, id").Take(&j).Error
			}
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			if j.State == JobRunning && j.Attempts >= j.MaxAttempts {
				reason := fmt.Sprintf("stopped unfinished on its last attempt (%d of %d): the instance running it ended before its lease ran out", j.Attempts, j.MaxAttempts)
				res := tx.Model(&Job{}).Where("id = ? AND state = ? AND lease_token = ?", j.ID, JobRunning, j.LeaseToken).Updates(map[string]any{
					"state": JobFailed, "lease_until": nil, "lease_token": "", "last_error": reason, "last_reason": "", "finished_at": now, "updated_at": now,
				})
				if res.Error != nil {
					return res.Error
				}
				continue
			}
			until := now.Add(lease)
			res := tx.Model(&Job{}).Where("id = ? AND state = ? AND lease_token = ?", j.ID, j.State, j.LeaseToken).Updates(map[string]any{
				"state": JobRunning, "lease_until": until, "lease_token": token, "attempts": gorm.Expr("attempts + 1"), "updated_at": now,
			})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected != 1 {
				return nil // taken meanwhile; the next poll looks again
			}
			j.State, j.LeaseUntil, j.LeaseToken, j.Attempts, j.UpdatedAt = JobRunning, &until, token, j.Attempts+1, now
			claimed = &j
			return nil
		}
	})
	if err != nil {
		return nil, fmt.Errorf("claim job: %w", err)
	}
	return claimed, nil
}

// ExtendJobLease moves the lease of job id, held under token, to now+lease:
// the holder's heartbeat while the job runs. ErrLeaseLost when token no
// longer holds the job.
func (s *Store) ExtendJobLease(ctx context.Context, id uint, token string, lease time.Duration) error {
	now := s.now()
	return s.settleJob(ctx, "extend the lease of", id, token, map[string]any{"lease_until": now.Add(lease), "updated_at": now})
}

// CompleteJob marks job id, held under token, done. ErrLeaseLost when
// token no longer holds it: its lease ran out and another claim took it.
// Its key is free again: the same work may be enqueued anew.
func (s *Store) CompleteJob(ctx context.Context, id uint, token string) error {
	now := s.now()
	return s.settleJob(ctx, "complete", id, token, map[string]any{
		"state": JobDone, "lease_until": nil, "lease_token": "", "finished_at": now, "updated_at": now,
	})
}

// RetryJob puts job id, held under token, back in the queue to run at
// runAt, keeping reason as its LastError and why (zero when the error has
// no words for people) as its LastReason. With countAttempt false the
// claim's attempt is given back: the job did not fail, it was told to wait
// (a host's pacing, an HTTP Retry-After), which must not use up its
// attempts. ErrLeaseLost when token no longer holds the job.
func (s *Store) RetryJob(ctx context.Context, id uint, token string, runAt time.Time, reason string, why Reason, countAttempt bool) error {
	set := map[string]any{
		"state": JobQueued, "run_at": runAt.UTC(), "lease_until": nil, "lease_token": "", "last_error": jobReason(reason), "last_reason": why,
		"updated_at": s.now(),
	}
	if !countAttempt {
		set["attempts"] = gorm.Expr("CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END")
	}
	return s.settleJob(ctx, "retry", id, token, set)
}

// FailJob marks job id, held under token, failed for reason (shown to
// admins, who may queue it again: RetryFailedJob), with why as in
// RetryJob. ErrLeaseLost when token no longer holds the job.
func (s *Store) FailJob(ctx context.Context, id uint, token, reason string, why Reason) error {
	now := s.now()
	return s.settleJob(ctx, "fail", id, token, map[string]any{
		"state": JobFailed, "lease_until": nil, "lease_token": "", "last_error": jobReason(reason), "last_reason": why,
		"finished_at": now, "updated_at": now,
	})
}

// settleJob applies set to job id only while token holds it running: a
// claim whose lease was taken over cannot change the job.
func (s *Store) settleJob(ctx context.Context, what string, id uint, token string, set map[string]any) error {
	if token == "" {
		return fmt.Errorf("%s job %d: %w", what, id, ErrLeaseLost)
	}
	res := s.w.WithContext(ctx).Model(&Job{}).Where("id = ? AND lease_token = ? AND state = ?", id, token, JobRunning).Updates(set)
	if res.Error != nil {
		return fmt.Errorf("%s job %d: %w", what, id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("%s job %d: %w", what, id, ErrLeaseLost)
	}
	return nil
}

// jobReason makes reason fit the jobs table: valid UTF-8 without NUL or
// other control characters but new lines and tabs, at most MaxJobReason
// bytes.
func jobReason(reason string) string {
	reason = strings.ToValidUTF8(reason, "\uFFFD")
	reason = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, reason)
	if len(reason) > MaxJobReason {
		cut := MaxJobReason - len("…")
		for cut > 0 && !utf8.RuneStart(reason[cut]) {
			cut--
		}
		reason = reason[:cut] + "…"
	}
	return reason
}

// GetJob returns job id, or ErrNotFound.
func (s *Store) GetJob(ctx context.Context, id uint) (*Job, error) {
	var j Job
	err := s.read(ctx).Where("id = ?", id).Take(&j).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("job %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("job %d: %w", id, err)
	}
	return &j, nil
}

// JobStates lists the states of a job in the order admins read them.
var JobStates = []JobState{JobQueued, JobRunning, JobFailed, JobDone}

// JobFilter chooses the jobs ListJobs returns.
type JobFilter struct {
	// State keeps only the jobs in this state; "" keeps every job.
	State JobState
	// Page is the page wanted, from 1 (values below count as 1).
	Page int
	// PerPage is how many jobs a page holds: default 50, at most
	// MaxJobsPerPage.
	PerPage int
}

// MaxJobsPerPage is the most jobs ListJobs returns at once.
const MaxJobsPerPage = 200

// JobItem is a job as the admin list shows it: with, when its payload
// names a source (SourceJob), that source and its claim (ClaimID 0 when
// the source is gone).
type JobItem struct {
	Job
	SourceID uint
	ClaimID  uint
}

// JobList is one page of jobs, newest first, and how many jobs the filter
// keeps in all.
type JobList struct {
	Items         []JobItem
	Total         int64
	Page, PerPage int
}

// Pages is how many pages the filter's jobs fill (at least 1).
func (l JobList) Pages() int {
	if l.PerPage <= 0 || l.Total == 0 {
		return 1
	}
	return int((l.Total + int64(l.PerPage) - 1) / int64(l.PerPage))
}

// ListJobs returns a page of the jobs f keeps, newest first (by id). A
// state other than the four (JobStates) is a *ValidationError on "state".
func (s *Store) ListJobs(ctx context.Context, f JobFilter) (JobList, error) {
	if f.State != "" && !isJobState(f.State) {
		return JobList{}, Invalid("state", NewReason("reasons.job_state", "must be queued, running, failed or done"))
	}
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage <= 0 {
		f.PerPage = 50
	}
	f.PerPage = min(f.PerPage, MaxJobsPerPage)
	out := JobList{Page: f.Page, PerPage: f.PerPage}
	err := s.Snapshot(ctx, func(ctx context.Context) error {
		q := func() *gorm.DB {
			db := s.read(ctx).Model(&Job{})
			if f.State != "" {
				db = db.Where("state = ?", f.State)
			}
			return db
		}
		if err := q().Count(&out.Total).Error; err != nil {
			return err
		}
		var jobs []Job
		if err := q().Order("id DESC").Offset((f.Page - 1) * f.PerPage).Limit(f.PerPage).Find(&jobs).Error; err != nil {
			return err
		}
		var sourceIDs []uint
		out.Items = make([]JobItem, len(jobs))
		for i, j := range jobs {
			out.Items[i].Job = j
			var p SourceJob
			if json.Unmarshal([]byte(j.Payload), &p) == nil && p.SourceID != 0 {
				out.Items[i].SourceID = p.SourceID
				sourceIDs = append(sourceIDs, p.SourceID)
			}
		}
		if len(sourceIDs) == 0 {
			return nil
		}
		var sources []struct{ ID, ClaimID uint }
		if err := s.read(ctx).Model(&Source{}).Select("id, claim_id").Where("id IN ?", sourceIDs).Scan(&sources).Error; err != nil {
			return err
		}
		claimOf := make(map[uint]uint, len(sources))
		for _, src := range sources {
			claimOf[src.ID] = src.ClaimID
		}
		for i := range out.Items {
			out.Items[i].ClaimID = claimOf[out.Items[i].SourceID]
		}
		return nil
	})
	if err != nil {
		return JobList{}, fmt.Errorf("list jobs: %w", err)
	}
	return out, nil
}

func isJobState(st JobState) bool {
	for _, s := range JobStates {
		if s == st {
			return true
		}
	}
	return false
}

// JobCounts returns how many jobs are in each state (every state is in
// the map, 0 when none is).
func (s *Store) JobCounts(ctx context.Context) (map[JobState]int64, error) {
	var rows []struct {
		State JobState
		N     int64
	}
	if err := s.read(ctx).Model(&Job{}).Select("state, COUNT(*) AS n").Group("state").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	out := make(map[JobState]int64, len(JobStates))
	for _, st := range JobStates {
		out[st] = 0
	}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, nil
}

// RetryFailedJob queues failed job id again, due now, with its attempts
// counted from 0 (its last reason stays until it runs). Admins only
// (ErrForbidden); ErrNotFound for no such job; a *ConflictError when the
// job is not failed, or when another job for the same work (its key) is
// queued or running already. It records a "job.retry" audit event.
func (s *Store) RetryFailedJob(ctx context.Context, actor *User, m Meta, id uint) error {
	if actor == nil || !actor.Can(RoleAdmin) || !actor.Active() {
		return fmt.Errorf("retry job: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		q := tx.Where("id = ?", id)
		if s.dialect == migrations.Postgres {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		var j Job
		err := q.Take(&j).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("job %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("retry job %d: %w", id, err)
		}
		if j.State != JobFailed {
			return &ConflictError{Reason: NewReason("reasons.job_not_failed", "Job {{.ID}} is {{.State}}, not failed: only a failed job can be retried.",
				"ID", idText(j.ID), "State", jobStateWord(j.State))}
		}
		if j.Key != nil {
			var other []uint
			if err := tx.Model(&Job{}).Where("key = ? AND state IN ? AND id <> ?", *j.Key, []JobState{JobQueued, JobRunning}, j.ID).Limit(1).Pluck("id", &other).Error; err != nil {
				return fmt.Errorf("retry job %d: %w", id, err)
			}
			if len(other) > 0 {
				return &ConflictError{Reason: NewReason("reasons.job_duplicate", "Job {{.ID}} does the same work ({{.Key}}) and is queued or running already; this one stays failed.",
					"ID", idText(other[0]), "Key", *j.Key)}
			}
		}
		now := s.now()
		res := tx.Model(&Job{}).Where("id = ? AND state = ?", j.ID, JobFailed).Updates(map[string]any{
			"state": JobQueued, "attempts": 0, "run_at": now, "lease_until": nil, "lease_token": "", "finished_at": nil, "updated_at": now,
		})
		if res.Error != nil {
			return fmt.Errorf("retry job %d: %w", id, res.Error)
		}
		jobsTouched(tx)
		return s.audit(tx, m, event{actor: actor, action: "job.retry", objectType: "job", objectID: j.ID,
			before: map[string]any{"kind": j.Kind, "state": j.State, "attempts": j.Attempts, "last_error": j.LastError},
			after:  map[string]any{"state": JobQueued, "attempts": 0}})
	})
}

// DefaultJobKeep is how long done jobs are kept before PruneJobs may remove
// them: 7 days.
const DefaultJobKeep = 7 * 24 * time.Hour

// PruneJobs removes the done jobs finished before before, a thousand at a
// time, and returns how many it removed. Failed jobs stay, for admins to
// read and retry.
func (s *Store) PruneJobs(ctx context.Context, before time.Time) (int64, error) {
	const batch = 1000
	var total int64
	for {
		// Done jobs' updated_at is their finished_at; idx_jobs_state finds them.
		res := s.w.WithContext(ctx).Exec("DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = ? AND updated_at < ? LIMIT "+strconv.Itoa(batch)+")", JobDone, before.UTC())
		if res.Error != nil {
			return total, fmt.Errorf("prune jobs: %w", res.Error)
		}
		total += res.RowsAffected
		if res.RowsAffected < batch {
			return total, nil
		}
	}
}
