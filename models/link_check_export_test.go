package models

import (
	"context"
)

// OpenSourceJobsForTest lists the queued and running jobs of kind, oldest
// first.
func (s *Store) OpenSourceJobsForTest(ctx context.Context, kind string) ([]Job, error) {
	var out []Job
	err := s.read(ctx).Where("kind = ? AND state IN ?", kind, []JobState{JobQueued, JobRunning}).Order("id").Find(&out).Error
	return out, err
}

// FinishJobsForTest marks every open job of kind done, as the runner
// would once it ran them.
func (s *Store) FinishJobsForTest(ctx context.Context, kind string) error {
	return s.w.WithContext(ctx).Model(&Job{}).Where("kind = ? AND state IN ?", kind, []JobState{JobQueued, JobRunning}).
		Updates(map[string]any{"state": JobDone, "finished_at": s.now()}).Error
}
