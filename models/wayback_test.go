package models_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// What Save Page Now answered is kept on the source: an attempt that
// failed and will be retried, a copy saved (which the public page shows),
// and a later failure that does not hide the copy.
func TestRecordWayback(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src := d.published(t)
		record := func(in models.WaybackInput) {
			t.Helper()
			in.URL, in.At = src.URL, clock.Now()
			if ok, err := s.RecordWayback(d.ctx, src.ID, in); !ok || err != nil {
				t.Fatalf("record %+v: %v %v", in, ok, err)
			}
		}
		record(models.WaybackInput{Status: models.WaybackQueued, Error: models.Reason{English: "answered 502 Bad Gateway"}})
		got, _ := s.GetSource(d.ctx, src.ID)
		if got.WaybackStatus != models.WaybackQueued || got.WaybackError != "answered 502 Bad Gateway" || got.WaybackAt != nil {
			t.Fatalf("after a failed attempt: %+v", got)
		}
		_, page0 := d.versions(t, c.Slug)
		saved := clock.Now()
		record(models.WaybackInput{Status: models.WaybackSaved, ArchiveURL: "https://web.archive.org/web/20250301120000/" + src.URL})
		got, _ = s.GetSource(d.ctx, src.ID)
		if got.WaybackStatus != models.WaybackSaved || got.WaybackURL != "https://web.archive.org/web/20250301120000/"+src.URL ||
			got.WaybackError != "" || got.WaybackAt == nil || !got.WaybackAt.Equal(saved) {
			t.Fatalf("saved: %+v", got)
		}
		_, page1 := d.versions(t, c.Slug)
		if page1 == page0 {
			t.Errorf("a saved copy left the page version")
		}
		events, _ := s.ClaimHistory(d.ctx, c.ID)
		if last := events[len(events)-1]; last.Action != "source.wayback" {
			t.Errorf("last event %s", last.Action)
		}
		clock.Add(time.Hour)
		record(models.WaybackInput{Status: models.WaybackFailed, Error: models.Reason{English: "answered 429 Too Many Requests"}})
		if got, _ = s.GetSource(d.ctx, src.ID); got.WaybackStatus != models.WaybackSaved || got.WaybackError != "" || !got.WaybackAt.Equal(saved) {
			t.Errorf("a failure after the copy: %+v", got)
		}
		// Another URL's answer is dropped; bad input changes nothing.
		if ok, err := s.RecordWayback(d.ctx, src.ID, models.WaybackInput{URL: "https://elsewhere.example.org/", Status: models.WaybackFailed, Error: models.Reason{English: "x"}, At: clock.Now()}); ok || err != nil {
			t.Errorf("another URL: %v %v", ok, err)
		}
		if _, err := s.RecordWayback(d.ctx, src.ID, models.WaybackInput{URL: src.URL, Status: models.WaybackSaved, At: clock.Now()}); models.FieldErrors(err)["archive_url"] == "" {
			t.Errorf("saved without a URL: %v", err)
		}
		if _, err := s.RecordWayback(d.ctx, 999999, models.WaybackInput{URL: src.URL, Status: models.WaybackFailed, At: clock.Now()}); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("an unknown source: %v", err)
		}
	})
}

// With Wayback on, saving a new or changed URL queues a wayback job and
// marks the copy queued; an edit that keeps the URL keeps the copy; off,
// nothing is asked.
func TestSavingSourceQueuesWayback(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run(fmt.Sprint("wayback=", on), func(t *testing.T) {
			modelstest.ForEach(t, models.Config{Wayback: on}, func(t *testing.T, s *models.Store) {
				d := newDesk(t, s)
				c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
				if err != nil {
					t.Fatal(err)
				}
				src, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report())
				if err != nil {
					t.Fatal(err)
				}
				jobs, _ := s.OpenSourceJobsForTest(d.ctx, models.JobWayback)
				got, _ := s.GetSource(d.ctx, src.ID)
				if !on {
					if len(jobs) != 0 || got.WaybackStatus != "" {
						t.Fatalf("off: %d jobs, status %q", len(jobs), got.WaybackStatus)
					}
					return
				}
				if len(jobs) != 1 || *jobs[0].Key != fmt.Sprintf("wayback:source:%d", src.ID) || got.WaybackStatus != models.WaybackQueued {
					t.Fatalf("on: %d jobs, status %q", len(jobs), got.WaybackStatus)
				}
				if ok, err := s.RecordWayback(d.ctx, src.ID, models.WaybackInput{URL: src.URL, Status: models.WaybackSaved, ArchiveURL: "https://web.archive.org/web/1/" + src.URL, At: time.Now()}); !ok || err != nil {
					t.Fatal(ok, err)
				}
				if err := s.FinishJobsForTest(d.ctx, models.JobWayback); err != nil {
					t.Fatal(err)
				}
				in := report()
				in.Title, in.Revision = "Sessions spoke twice with the Russian ambassador", got.Revision
				if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, in); err != nil {
					t.Fatal(err)
				}
				if got, _ = s.GetSource(d.ctx, src.ID); got.WaybackStatus != models.WaybackSaved || got.WaybackURL == "" {
					t.Fatalf("after an edit that kept the URL: %q %q", got.WaybackStatus, got.WaybackURL)
				}
				in.URL, in.Revision = "https://www.washingtonpost.com/politics/sessions-ambassador", got.Revision
				if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, in); err != nil {
					t.Fatal(err)
				}
				got, _ = s.GetSource(d.ctx, src.ID)
				jobs, _ = s.OpenSourceJobsForTest(d.ctx, models.JobWayback)
				if got.WaybackStatus != models.WaybackQueued || got.WaybackURL != "" || len(jobs) != 1 {
					t.Fatalf("after a new URL: %q %q, %d jobs", got.WaybackStatus, got.WaybackURL, len(jobs))
				}
			})
		})
	}
}
