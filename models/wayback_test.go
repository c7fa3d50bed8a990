package models_test

import (
	"errors"
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
		record(models.WaybackInput{Status: models.WaybackQueued, Error: "answered 502 Bad Gateway"})
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
		record(models.WaybackInput{Status: models.WaybackFailed, Error: "answered 429 Too Many Requests"})
		if got, _ = s.GetSource(d.ctx, src.ID); got.WaybackStatus != models.WaybackSaved || got.WaybackError != "" || !got.WaybackAt.Equal(saved) {
			t.Errorf("a failure after the copy: %+v", got)
		}
		// Another URL's answer is dropped; bad input changes nothing.
		if ok, err := s.RecordWayback(d.ctx, src.ID, models.WaybackInput{URL: "https://elsewhere.example.org/", Status: models.WaybackFailed, Error: "x", At: clock.Now()}); ok || err != nil {
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
