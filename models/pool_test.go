package models_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// poolDeadline is how long the tests below give work that takes
// milliseconds: only a wait that nothing ends can use it up.
const poolDeadline = 10 * time.Second

// Eight times as many editors as the pool has connections save at once on
// a new store, each as the API does it: log a claim, look for similar ones
// and read it back, add a source, edit it, so that every statement of
// these is run for the first time while others queue. A transaction holds
// its connection while it runs its statements, and a read outside one
// waits for a free connection: nothing a transaction does may wait for
// such a read, or every editor waits until their deadline.
func TestEditorsOutnumberingThePoolAllSave(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler)})
			if err := s.SetPoolSizeForTest(2); err != nil {
				t.Fatal(err)
			}
			const editors, rounds = 16, 3
			var eds []*models.User
			for i := range editors {
				eds = append(eds, modelstest.User(t, s, fmt.Sprintf("pool%d@example.org", i), models.RoleEditor))
			}
			ctx, cancel := context.WithTimeout(context.Background(), poolDeadline)
			defer cancel()
			start := time.Now()
			var wg sync.WaitGroup
			errs := make(chan error, editors)
			for i, ed := range eds {
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- saveAsTheAPIDoes(ctx, s, ed, i, rounds)
				}()
			}
			wg.Wait()
			close(errs)
			took := time.Since(start)
			for err := range errs {
				if errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("%d editors on a pool of 2 were still waiting after %v: %v", editors, took.Round(time.Millisecond), err)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// Snapshots take every connection of the read pool (on Postgres the one
// pool) while a read outside them, of a statement not run before, waits for
// one; then each snapshot runs that same read. The snapshots must end, and
// so free their connections, without waiting for the read that waits for
// them.
func TestSnapshotsHoldingThePoolNeverWaitForAReadOutsideThem(t *testing.T) {
	modelstest.ForEach(t, models.Config{Logger: slog.New(slog.DiscardHandler)}, func(t *testing.T, s *models.Store) {
		const size = 2
		if err := s.SetPoolSizeForTest(size); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), poolDeadline)
		defer cancel()
		release := make(chan struct{})
		held := make(chan struct{}, size)
		errs := make(chan error, size+1)
		for range size {
			go func() {
				errs <- s.Snapshot(ctx, func(sctx context.Context) error {
					held <- struct{}{}
					<-release
					_, err := s.Ratings(sctx)
					return err
				})
			}()
		}
		for range size {
			select {
			case <-held:
			case err := <-errs:
				t.Fatalf("a snapshot ended before it was released: %v", err)
			}
		}
		waits, err := s.PoolWaitsForTest()
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		go func() {
			_, err := s.Ratings(ctx)
			errs <- err
		}()
		for {
			n, err := s.PoolWaitsForTest()
			if err != nil {
				t.Fatal(err)
			}
			if n > waits {
				break
			}
			if ctx.Err() != nil {
				t.Fatal("the read outside the snapshots never waited for a connection")
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // the read is queued for a connection
		close(release)
		for range size + 1 {
			if err := <-errs; err != nil {
				t.Fatalf("after %v: %v", time.Since(start).Round(time.Millisecond), err)
			}
		}
	})
}

// saveAsTheAPIDoes logs rounds claims as editor i and, on each, reads it
// back, looks for similar claims, adds a source and edits it, in an order
// of its own so that editors run different statements at the same moment.
func saveAsTheAPIDoes(ctx context.Context, s *models.Store, ed *models.User, i, rounds int) error {
	for r := range rounds {
		c, err := s.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{
			Text:    fmt.Sprintf("Editor %d says the bridge carries %d cars", i, r),
			Summary: fmt.Sprintf("The bridge carries %d cars", r%2), Speaker: fmt.Sprintf("Bridge Speaker %d", (i+r)%3),
		})
		if err != nil {
			return fmt.Errorf("create claim: %w", err)
		}
		steps := []func() error{
			func() error {
				_, err := s.SimilarClaims(ctx, c.Text, c.ID, 5)
				return err
			},
			func() error {
				_, err := s.GetClaim(ctx, c.ID)
				return err
			},
			func() error {
				_, err := s.AddSource(ctx, ed, models.Meta{}, c.ID, models.SourceInput{
					URL: "https://example.org/bridge", Title: "Bridge counts", Kind: models.SourceDataset, Stance: models.StanceContradicts,
				})
				return err
			},
			func() error {
				text := c.Text + ", on weekdays"
				_, err := s.UpdateClaim(ctx, ed, models.Meta{}, c.ID, models.ClaimPatch{Text: &text})
				return err
			},
		}
		for k := range steps {
			if err := steps[(i+k)%len(steps)](); err != nil {
				return fmt.Errorf("claim %d, step %d: %w", c.ID, (i+k)%len(steps), err)
			}
		}
	}
	return nil
}
