package models

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The kinds of background job. Each one's payload is a SourceJob; a
// webhook delivery's (JobDeliverWebhook, webhook.go) is a WebhookJob.
const (
	// JobArchiveSource fetches a source's URL and keeps the snapshot.
	JobArchiveSource = "archive_source"
	// JobCheckLink revisits a source's URL and records what it finds.
	JobCheckLink = "check_link"
	// JobWayback asks the Internet Archive to take a copy of a source's URL.
	JobWayback = "wayback"
)

// JobState is where a job stands: queued (waiting for its RunAt), running
// (claimed by an instance until LeaseUntil), done, or failed (its attempts
// ran out, or it failed for good; LastError says why).
type JobState string

// The states of a job.
const (
	JobQueued  JobState = "queued"
	JobRunning JobState = "running"
	JobDone    JobState = "done"
	JobFailed  JobState = "failed"
)

// Job is one piece of background work in the jobs table, done once across
// every instance on the database: see DESIGN.md, "Background jobs".
type Job struct {
	ID   uint
	Kind string
	// Key, when set, names the work: at most one queued or running job
	// has it, so enqueueing the same work again adds nothing.
	Key *string
	// Payload is the job's JSON input (see Decode).
	Payload     string
	State       JobState
	Attempts    int
	MaxAttempts int `gorm:"default:5"`
	// RunAt is when a queued job becomes due, in UTC.
	RunAt time.Time
	// LeaseUntil is when a running job's claim runs out; LeaseToken names
	// the claim, so that only its holder may finish the job.
	LeaseUntil *time.Time
	LeaseToken string
	// LastError says why the last attempt failed, or why the job waits,
	// as the handler's error says it (for admins and logs, in English);
	// LastReason says the same as a reason of the catalogue when the
	// handler gave one for people (a fetch failure: see jobs.Explain),
	// zero otherwise.
	LastError  string
	LastReason Reason
	CreatedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt *time.Time
}

// SourceJob is the payload of the jobs about one source.
type SourceJob struct {
	SourceID uint `json:"source_id"`
}

// Decode unmarshals the job's payload into v.
func (j *Job) Decode(v any) error {
	if err := json.Unmarshal([]byte(j.Payload), v); err != nil {
		return fmt.Errorf("job %d (%s): payload: %w", j.ID, j.Kind, err)
	}
	return nil
}

// sourceJobKey is the key of a job of kind about source id.
func sourceJobKey(kind string, id uint) string {
	return fmt.Sprintf("%s:source:%d", kind, id)
}

// enqueueJob adds a queued job inside the caller's transaction, due at
// runAt. When a queued or running job with the same key exists it adds
// nothing: the work is already asked for.
// runJobNow makes the job of kind under key run now with all its
// attempts: a queued one (waiting out a backoff, perhaps) is moved to now
// with its attempts counted afresh; with none queued, one is enqueued.
func (s *Store) runJobNow(tx *gorm.DB, kind, key string, payload any) error {
	now := s.now()
	res := tx.Model(&Job{}).Where("key = ? AND state = ?", key, JobQueued).
		Updates(map[string]any{"run_at": now.UTC(), "attempts": 0, "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("run %s now: %w", kind, res.Error)
	}
	if res.RowsAffected > 0 {
		jobsTouched(tx)
		return nil
	}
	return s.enqueueJob(tx, kind, key, payload, now)
}

func (s *Store) enqueueJob(tx *gorm.DB, kind, key string, payload any, runAt time.Time) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("enqueue %s: payload: %w", kind, err)
	}
	now := s.now()
	j := &Job{Kind: kind, Payload: string(b), State: JobQueued, MaxAttempts: 5, RunAt: runAt.UTC(), CreatedAt: now, UpdatedAt: now}
	if key != "" {
		j.Key = &key
	}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(j).Error; err != nil {
		return fmt.Errorf("enqueue %s: %w", kind, err)
	}
	jobsTouched(tx)
	return nil
}

// EnqueueJob adds a queued job of kind with payload (marshalled to JSON),
// due at runAt; with a key, only when no queued or running job has it.
func (s *Store) EnqueueJob(ctx context.Context, kind, key string, payload any, runAt time.Time) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return s.enqueueJob(tx, kind, key, payload, runAt)
	})
}

// enqueueSourceJob adds a job of kind about source id, due now, unless one
// is already queued or running.
func (s *Store) enqueueSourceJob(tx *gorm.DB, kind string, id uint) error {
	return s.enqueueJob(tx, kind, sourceJobKey(kind, id), SourceJob{SourceID: id}, s.now())
}
