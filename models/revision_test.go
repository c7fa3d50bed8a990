package models_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// editable is one kind of editable object as the lost-update tests drive
// it: read its revision, save an edit made from a given revision, and read
// back the field the edits change.
type editable struct {
	name string
	// setup makes a fresh object and returns its accessors.
	setup func(t *testing.T, d *desk) editableObject
}

type editableObject struct {
	revision func(t *testing.T) int
	// save stores value, made from revision rev (0: none given).
	save  func(rev int, value string) error
	value func(t *testing.T) string
	// what is the StaleError's What.
	what string
}

func editables() []editable {
	return []editable{
		{"claim", func(t *testing.T, d *desk) editableObject {
			c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, sworn())
			if err != nil {
				t.Fatal(err)
			}
			get := func(t *testing.T) *models.Claim {
				got, err := d.s.GetClaim(d.ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			return editableObject{
				revision: func(t *testing.T) int { return get(t).Revision },
				save: func(rev int, v string) error {
					_, err := d.s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Setting: &v, Revision: rev})
					return err
				},
				value: func(t *testing.T) string { return get(t).Setting },
				what:  fmt.Sprintf("claim %d", c.ID),
			}
		}},
		{"source", func(t *testing.T, d *desk) editableObject {
			c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, sworn())
			if err != nil {
				t.Fatal(err)
			}
			src, err := d.s.AddSource(d.ctx, d.ed, d.m, c.ID, report())
			if err != nil {
				t.Fatal(err)
			}
			get := func(t *testing.T) *models.Source {
				got, err := d.s.GetSource(d.ctx, src.ID)
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			return editableObject{
				revision: func(t *testing.T) int { return get(t).Revision },
				save: func(rev int, v string) error {
					in := report()
					in.Locator, in.Revision = v, rev
					_, err := d.s.UpdateSource(d.ctx, d.ed, d.m, src.ID, in)
					return err
				},
				value: func(t *testing.T) string { return get(t).Locator },
				what:  fmt.Sprintf("source %d", src.ID),
			}
		}},
		{"verdict", func(t *testing.T, d *desk) editableObject {
			c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, sworn())
			if err != nil {
				t.Fatal(err)
			}
			v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador", Explanation: "Twice."})
			if err != nil {
				t.Fatal(err)
			}
			get := func(t *testing.T) *models.Verdict {
				got, err := d.s.GetVerdict(d.ctx, v.ID)
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			return editableObject{
				revision: func(t *testing.T) int { return get(t).Version },
				save: func(rev int, h string) error {
					_, err := d.s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: h, Explanation: "Twice.", Version: rev})
					return err
				},
				value: func(t *testing.T) string { return get(t).Headline },
				what:  fmt.Sprintf("verdict %d", v.ID),
			}
		}},
		{"rating", func(t *testing.T, d *desk) editableObject {
			get := func(t *testing.T) *models.Rating {
				got, err := d.s.RatingBySlug(d.ctx, "half-true")
				if err != nil {
					t.Fatal(err)
				}
				return got
			}
			return editableObject{
				revision: func(t *testing.T) int { return get(t).Revision },
				save: func(rev int, v string) error {
					_, err := d.s.UpdateRating(d.ctx, d.admin, d.m, "half-true", models.RatingInput{Label: "Half true", Description: v, Position: 3, Ordered: true, Revision: rev})
					return err
				},
				value: func(t *testing.T) string { return get(t).Description },
				what:  "rating half-true",
			}
		}},
		{"settings", func(t *testing.T, d *desk) editableObject {
			get := func(t *testing.T) models.SiteSettings {
				st, err := d.s.Settings(d.ctx)
				if err != nil {
					t.Fatal(err)
				}
				return st
			}
			return editableObject{
				revision: func(t *testing.T) int { return get(t).Revision },
				save: func(rev int, v string) error {
					_, err := d.s.UpdateSettings(d.ctx, d.admin, d.m, models.SiteSettings{OrganizationName: v, CorrectionsPolicy: "We correct.", Revision: rev})
					return err
				},
				value: func(t *testing.T) string { return get(t).OrganizationName },
				what:  "settings",
			}
		}},
	}
}

// TestNoLostUpdates: two editors read the same revision of an object and
// both save. The first save raises the revision by one; the second, made
// from the old revision, changes nothing and is a StaleError (a conflict)
// naming both revisions. A save that names no revision still goes through.
func TestNoLostUpdates(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		for _, kind := range editables() {
			t.Run(kind.name, func(t *testing.T) {
				o := kind.setup(t, d)
				read := o.revision(t)
				if read < 1 {
					t.Fatalf("a fresh %s is at revision %d", kind.name, read)
				}
				if err := o.save(read, "first editor's words"); err != nil {
					t.Fatalf("first save: %v", err)
				}
				if got := o.revision(t); got != read+1 {
					t.Fatalf("after one save the revision is %d, want %d", got, read+1)
				}
				events, err := s.CountAuditForTest(d.ctx)
				if err != nil {
					t.Fatal(err)
				}
				err = o.save(read, "second editor's words")
				var stale *models.StaleError
				if !errors.As(err, &stale) || !errors.Is(err, models.ErrConflict) {
					t.Fatalf("second save from revision %d: %v, want a StaleError", read, err)
				}
				if stale.What != o.what || stale.Sent != read || stale.Current != read+1 {
					t.Errorf("stale error %+v, want %s sent %d current %d", *stale, o.what, read, read+1)
				}
				if got := o.value(t); got != "first editor's words" {
					t.Errorf("stored %q, want the first save's", got)
				}
				if got := o.revision(t); got != read+1 {
					t.Errorf("a refused save moved the revision to %d", got)
				}
				if after, _ := s.CountAuditForTest(d.ctx); after != events {
					t.Errorf("a refused save wrote %d audit events", after-events)
				}
				// Saving again from the current revision overwrites, on purpose.
				if err := o.save(read+1, "second editor's words"); err != nil {
					t.Fatalf("save from the current revision: %v", err)
				}
				// No revision given: no check, as before.
				if err := o.save(0, "words saved without a revision"); err != nil {
					t.Fatalf("save without a revision: %v", err)
				}
				if got, v := o.revision(t), o.value(t); got != read+3 || v != "words saved without a revision" {
					t.Errorf("after saves without a revision: revision %d, value %q", got, v)
				}
			})
		}
	})
}

// TestDeletingAStaleSourceRemovesNothing: a source edited since the editor
// read it is not removed on the strength of the old reading.
func TestDeletingAStaleSourceRemovesNothing(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		src, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report())
		if err != nil {
			t.Fatal(err)
		}
		in := report()
		in.Title, in.Revision = "Corrected title", src.Revision
		if _, err := s.UpdateSource(d.ctx, d.ed2, d.m, src.ID, in); err != nil {
			t.Fatal(err)
		}
		var stale *models.StaleError
		if err := s.DeleteSource(d.ctx, d.ed, d.m, src.ID, src.Revision); !errors.As(err, &stale) || stale.Current != src.Revision+1 {
			t.Fatalf("removing from an old reading: %v", err)
		}
		if got, err := s.GetSource(d.ctx, src.ID); err != nil || got.Title != "Corrected title" {
			t.Fatalf("the source after a refused removal: %+v %v", got, err)
		}
		if err := s.DeleteSource(d.ctx, d.ed, d.m, src.ID, src.Revision+1); err != nil {
			t.Fatalf("removing from the current reading: %v", err)
		}
		if _, err := s.GetSource(d.ctx, src.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("the source after its removal: %v", err)
		}
	})
}

// TestConcurrentSavesFromOneRevision: two saves made from the same
// revision at the same moment, in two goroutines: exactly one succeeds and
// the other is stale, whichever commits first. The revision is checked
// under the row's lock, so both cannot pass.
func TestConcurrentSavesFromOneRevision(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		for _, kind := range editables() {
			t.Run(kind.name, func(t *testing.T) {
				o := kind.setup(t, d)
				for round := range 5 {
					read := o.revision(t)
					start := make(chan struct{})
					errs := make([]error, 2)
					var wg sync.WaitGroup
					for i := range errs {
						wg.Go(func() {
							<-start
							errs[i] = o.save(read, fmt.Sprintf("round %d, editor %d", round, i))
						})
					}
					close(start)
					wg.Wait()
					won := -1
					for i, err := range errs {
						var stale *models.StaleError
						switch {
						case err == nil && won == -1:
							won = i
						case err == nil:
							t.Fatalf("round %d: both saves from revision %d succeeded", round, read)
						case !errors.As(err, &stale):
							t.Fatalf("round %d, editor %d: %v, want a StaleError", round, i, err)
						}
					}
					if won == -1 {
						t.Fatalf("round %d: neither save succeeded: %v", round, errs)
					}
					if got, want := o.value(t), fmt.Sprintf("round %d, editor %d", round, won); got != want {
						t.Errorf("round %d: stored %q, want the winner's %q", round, got, want)
					}
					if got := o.revision(t); got != read+1 {
						t.Errorf("round %d: revision %d after one save from %d", round, got, read)
					}
				}
			})
		}
	})
}
