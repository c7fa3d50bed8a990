package models_test

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// While snapshots (which fills, streams and signed-in pages hold) take
// every read connection, a reader's version read either gives up when its
// context ends (Postgres, where the hot reads share the pool) or is
// answered at once (SQLite, where they have connections of their own; see
// TestHotPoolHonoursTheContextWhenFull for their own wait): a request whose
// client left or whose deadline passed must not stay queued for a
// connection.
func TestHotReadsHonourTheirContextWhenThePoolIsFull(t *testing.T) {
	modelstest.ForEach(t, models.Config{Logger: slog.New(slog.DiscardHandler)}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c := publishOne(t, d, "The bridge was finished in 2019")
		if _, err := s.ClaimPageVersion(context.Background(), c.Slug); err != nil {
			t.Fatal(err) // the statement is prepared from here on
		}
		// Snapshots take every read connection and keep them until release.
		release := make(chan struct{})
		var held, done sync.WaitGroup
		const holders = 32 // more than any read pool
		held.Add(1)
		var once sync.Once
		for range holders {
			done.Add(1)
			go func() {
				defer done.Done()
				_ = s.Snapshot(context.Background(), func(ctx context.Context) error {
					once.Do(held.Done)
					<-release
					return nil
				})
			}()
		}
		held.Wait()
		time.Sleep(200 * time.Millisecond) // the rest of the pool is taken meanwhile

		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		read := make(chan error, 1)
		go func() {
			_, err := s.ClaimPageVersion(ctx, c.Slug)
			read <- err
		}()
		var err error
		select {
		case err = <-read:
		case <-time.After(3 * time.Second):
			t.Errorf("version read with a full pool still waiting 3s after a 200ms deadline")
			close(release)
			<-read
			done.Wait()
			return
		}
		close(release)
		done.Wait()
		if s.Dialect() == migrations.SQLite {
			if err != nil {
				t.Errorf("version read while snapshots hold the read pool: %v, want it answered from the hot reads' own connections", err)
			}
			return
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("version read with a full pool: %v, want %v", err, context.DeadlineExceeded)
		}
	})
}
