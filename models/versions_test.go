package models_test

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// publishOne logs, sources and publishes a claim through d.
func publishOne(t *testing.T, d *desk, text string) *models.Claim {
	t.Helper()
	in := sworn()
	in.Text, in.Summary = text, text
	c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, in)
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "h " + text, Explanation: "e"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestPublicVersionsMoveExactlyWithPublicChanges: versions come from the
// public change counter, so a writer whose clock is an hour behind still
// moves them; desk-only work does not.
func TestPublicVersionsMoveExactlyWithPublicChanges(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			dsn := modelstest.MigratedDSN(t, engine)
			quiet := slog.New(slog.DiscardHandler)
			behind := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet, Now: func() time.Time { return time.Now().Add(-time.Hour) }})
			reader := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
			d := newDesk(t, behind)
			c := publishOne(t, d, "The bridge was finished in 2019")
			site0, err := fresh(d.ctx, reader, reader.SiteVersion)
			if err != nil {
				t.Fatal(err)
			}
			page0, err := fresh(d.ctx, reader, claimPage(reader, c.Slug))
			if err != nil {
				t.Fatal(err)
			}

			// Desk-only work: a draft, a source on it, a verdict in review.
			draft, err := behind.CreateClaim(d.ctx, d.ed, d.m, sworn())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := behind.ProposeVerdict(d.ctx, d.ed, d.m, draft.ID, models.VerdictInput{Rating: "true", Headline: "h", Explanation: "e"}); err != nil {
				t.Fatal(err)
			}
			if v, _ := fresh(d.ctx, reader, reader.SiteVersion); v.Tag != site0.Tag {
				t.Errorf("desk-only work moved the site version: %s → %s", site0.Tag, v.Tag)
			}

			// A correction written an hour in the past moves the claim page
			// and the site, and Last-Modified does not go back.
			if _, err := behind.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Clarified."}); err != nil {
				t.Fatal(err)
			}
			site1, _ := fresh(d.ctx, reader, reader.SiteVersion)
			page1, err := fresh(d.ctx, reader, claimPage(reader, c.Slug))
			if err != nil {
				t.Fatal(err)
			}
			if site1.Tag == site0.Tag || page1.Tag == page0.Tag {
				t.Errorf("a change stamped an hour ago did not move the versions: site %s → %s, page %s → %s", site0.Tag, site1.Tag, page0.Tag, page1.Tag)
			}
			if page1.Modified.Before(page0.Modified) || site1.Modified.Before(site0.Modified) {
				t.Errorf("Last-Modified went back: %v → %v", page0.Modified, page1.Modified)
			}

			// The settings change every page.
			st, _ := behind.Settings(d.ctx)
			st.OrganizationName = "Another Desk"
			if _, err := behind.UpdateSettings(d.ctx, d.admin, d.m, st); err != nil {
				t.Fatal(err)
			}
			page2, _ := fresh(d.ctx, reader, claimPage(reader, c.Slug))
			if page2.Tag == page1.Tag {
				t.Error("a settings change did not move the claim page's version")
			}

			// Outside a snapshot the reader answers from the state as of its
			// generation: the writer at once, the other within moments.
			if v, _ := behind.ClaimPageVersion(d.ctx, c.Slug); v.Tag != page2.Tag {
				t.Errorf("the writer's own version is %s, not %s", v.Tag, page2.Tag)
			}
			deadline := time.Now().Add(250 * time.Millisecond)
			for {
				v, _ := reader.ClaimPageVersion(d.ctx, c.Slug)
				if v.Tag == page2.Tag {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("after 250 ms the reader still has %s, not %s", v.Tag, page2.Tag)
				}
				time.Sleep(5 * time.Millisecond)
			}
		})
	}
}

// fresh reads with read from one snapshot of s: what the database holds,
// whatever s remembers.
func fresh[T any](ctx context.Context, s *models.Store, read func(context.Context) (T, error)) (T, error) {
	var v T
	err := s.Snapshot(ctx, func(sctx context.Context) error {
		var err error
		v, err = read(sctx)
		return err
	})
	return v, err
}

// claimPage reads the version of the claim page of slug from s.
func claimPage(s *models.Store, slug string) func(context.Context) (models.Version, error) {
	return func(ctx context.Context) (models.Version, error) { return s.ClaimPageVersion(ctx, slug) }
}

// TestOutOfOrderCommitsAreNoticed: on Postgres, a transaction that began
// first (and took the lower audit id) but commits last is still noticed by
// every other instance; so is the one that committed first.
func TestOutOfOrderCommitsAreNoticed(t *testing.T) {
	if !contains(modelstest.Engines(), "postgres") {
		t.Skip("needs Postgres: SQLite has one writer at a time")
	}
	engine := "postgres"
	dsn := modelstest.MigratedDSN(t, engine)
	quiet := slog.New(slog.DiscardHandler)
	slow := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
	fast := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
	reader := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
	d := newDesk(t, slow)
	a := publishOne(t, d, "The tunnel opened in 2015")
	b := publishOne(t, d, "The stadium seats 90,000 people")

	// The slow transaction writes its correction (and audit event) first,
	// then waits before it commits.
	inside, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	slow.SetBeforeTouchesForTest(func() {
		once.Do(func() {
			close(inside)
			<-release
		})
	})
	done := make(chan error, 1)
	go func() {
		_, err := slow.AddCorrection(d.ctx, d.ed, d.m, a.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Slow."})
		done <- err
	}()
	<-inside
	gen := reader.Generation()
	if _, err := fast.AddCorrection(d.ctx, d.ed, d.m, b.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Fast."}); err != nil {
		close(release)
		t.Fatal(err)
	}
	if !movedWithin(reader, gen, 250*time.Millisecond) {
		close(release)
		t.Fatal("another instance did not notice the first commit within 250 ms")
	}
	// Let the periodic check see the first commit too, so that only the
	// second can move the generation from here.
	time.Sleep(1500 * time.Millisecond)
	gen = reader.Generation()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !movedWithin(reader, gen, 250*time.Millisecond) {
		t.Fatal("another instance did not notice the commit that began first within 250 ms")
	}
}

// movedWithin reports whether s's generation moves past gen within d.
func movedWithin(s *models.Store, gen uint64, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for s.Generation() == gen {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestAnotherInstanceNoticesAChangeWhileItsReadPoolIsHeld: an instance
// whose every general read connection is held by snapshots (slow fills,
// renders, signed-in pages) still notices another instance's commit
// within 250 ms: the change watcher must not queue behind them.
func TestAnotherInstanceNoticesAChangeWhileItsReadPoolIsHeld(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			dsn := modelstest.MigratedDSN(t, engine)
			quiet := slog.New(slog.DiscardHandler)
			writer := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
			reader := modelstest.OpenDSN(t, engine, dsn, models.Config{Logger: quiet})
			admin := modelstest.User(t, writer, "admin@example.org", models.RoleAdmin)
			ctx := context.Background()
			release := make(chan struct{})
			var began atomic.Int32
			var done sync.WaitGroup
			for range 32 { // more than any read pool holds: the rest wait for one
				done.Add(1)
				go func() {
					defer done.Done()
					_ = reader.Snapshot(ctx, func(context.Context) error {
						began.Add(1)
						<-release
						return nil
					})
				}()
			}
			defer func() { close(release); done.Wait() }()
			time.Sleep(300 * time.Millisecond)
			if n := began.Load(); n == 0 || n == 32 {
				t.Fatalf("%d of 32 snapshots began: the read pool is not held full", n)
			}
			gen := reader.Generation()
			st, err := writer.Settings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			st.OrganizationName = "Another desk"
			if _, err := writer.UpdateSettings(ctx, admin, models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			if !movedWithin(reader, gen, 250*time.Millisecond) {
				t.Fatal("with its read pool held by snapshots, another instance did not notice a commit within 250 ms")
			}
		})
	}
}
