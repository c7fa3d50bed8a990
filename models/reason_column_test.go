package models_test

import (
	"reflect"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A failure's reason is kept beside its English on the source, each value
// read back with the type it was given (a count, a number inside a reason
// inside the reason), and goes when the URL changes; a row written before
// reasons were kept reads as its English with a zero reason.
func TestFailureReasonsAreKeptBesideTheirEnglish(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		src := d.sourcesAt(t, "https://example.org/report")[0]
		why := models.AddressReason(models.NewReason("reasons.fetch.asked_to_wait", "answered {{.Status}} and asked to wait {{.Time}}",
			"Status", "429 Too Many Requests", "Time", models.TimeReason(3, time.Hour)))
		const english = "The address answered 429 Too Many Requests and asked to wait 3 hours"
		if why.String() != english {
			t.Fatalf("English %q", why.String())
		}
		if err := s.RecordArchiveFailure(d.ctx, src.ID, src.URL, models.ArchiveFailed, why); err != nil {
			t.Fatal(err)
		}
		in := models.LinkCheckInput{URL: src.URL, Status: models.LinkUnreachable, HTTPStatus: 429, Error: why, CheckedAt: time.Now()}
		if _, err := s.RecordLinkCheck(d.ctx, src.ID, in); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetSource(d.ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ArchiveError != english || got.LinkError != english {
			t.Errorf("English kept: %q, %q", got.ArchiveError, got.LinkError)
		}
		for name, r := range map[string]models.Reason{"archive": got.ArchiveReason, "link": got.LinkReason} {
			if !reflect.DeepEqual(r, why) {
				t.Errorf("%s reason read back as %#v\nwant %#v", name, r, why)
			}
		}

		// A failure recorded before reasons were kept.
		if err := s.ExecForTest(d.ctx, "UPDATE sources SET archive_reason = '', link_reason = '' WHERE id = ?", src.ID); err != nil {
			t.Fatal(err)
		}
		got, _ = s.GetSource(d.ctx, src.ID)
		if !got.ArchiveReason.IsZero() || !got.LinkReason.IsZero() || got.ArchiveError != english {
			t.Errorf("an older row: %#v %#v %q", got.ArchiveReason, got.LinkReason, got.ArchiveError)
		}

		// A new URL starts again with nothing learnt.
		edit := models.SourceInput{URL: "https://example.org/elsewhere", Title: got.Title, Kind: got.Kind, Stance: got.Stance}
		if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, edit); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordArchiveFailure(d.ctx, src.ID, edit.URL, models.ArchiveFailed, why); err != nil {
			t.Fatal(err)
		}
		edit.URL = "https://example.org/third"
		if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, edit); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.GetSource(d.ctx, src.ID); !got.ArchiveReason.IsZero() || got.ArchiveError != "" {
			t.Errorf("a changed URL kept the old reason: %#v", got.ArchiveReason)
		}
	})
}
