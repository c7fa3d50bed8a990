package models_test

import (
	"strings"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// publishedAt is the moment the date tests publish at: late on 1 March in
// UTC, already 2 March in Tokyo and in the far session zone.
var publishedAt = time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)

// The store reads and writes every timestamp in UTC whatever the time zone
// of the Postgres session (here one that starts in UTC+14, as a server,
// database or role setting would give): the session is put in UTC, and the
// times it reads are in UTC, not in the zone of the process.
func TestTimestampsAreUTCWhateverTheSessionZone(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			clock := modelstest.NewClock(publishedAt)
			s := modelstest.OpenDSN(t, engine, modelstest.InSessionZone(t, modelstest.MigratedDSN(t, engine), modelstest.FarZone), models.Config{Now: clock.Now})
			d := newDesk(t, s)
			if s.Dialect() == migrations.Postgres {
				tz, err := s.SessionTimeZoneForTest(d.ctx)
				if err != nil || tz != "UTC" {
					t.Errorf("session time zone %q (%v), want UTC", tz, err)
				}
			}
			pub := d.publish(t, sworn(), "false")
			clock.Add(time.Hour)
			if _, err := s.AddCorrection(d.ctx, d.ed, d.m, pub.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "We added a link."}); err != nil {
				t.Fatal(err)
			}
			c, err := s.GetClaim(d.ctx, pub.ID)
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, got *time.Time, want time.Time) {
				t.Helper()
				if got == nil {
					t.Errorf("%s is missing", what)
				} else if !got.Equal(want) || got.Location() != time.UTC {
					t.Errorf("%s = %v in location %q, want %v in UTC", what, got, got.Location(), want)
				}
			}
			check("claim published_at", c.PublishedAt, publishedAt)
			check("verdict published_at", c.CurrentVerdict().PublishedAt, publishedAt)
			check("correction created_at", &c.Corrections[0].CreatedAt, publishedAt.Add(time.Hour))
			check("claim updated_at", &c.UpdatedAt, publishedAt.Add(time.Hour))
			if c.SaidAt == nil || models.FormatDate(c.SaidAt) != "2017-01-10" {
				t.Errorf("said_at = %v, want the calendar date 2017-01-10", c.SaidAt)
			}
			items, _, err := s.PublicClaims(d.ctx, models.PublicQuery{})
			if err != nil || len(items) != 1 {
				t.Fatalf("public claims: %+v %v", items, err)
			}
			check("listed published_at", items[0].PublishedAt, publishedAt)
			check("listed corrected_at", items[0].CorrectedAt, publishedAt.Add(time.Hour))
		})
	}
}

// The newsroom's time zone is a setting: UTC until an admin names an IANA
// zone; names this binary does not know, and the host's own "Local", are
// refused and change nothing.
func TestTimeZoneSetting(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		st, err := s.Settings(d.ctx)
		if err != nil || st.TimeZone != "UTC" || st.Location() != time.UTC {
			t.Fatalf("default zone %q %v (%v), want UTC", st.TimeZone, st.Location(), err)
		}
		st.TimeZone = " Asia/Tokyo "
		if _, err := s.UpdateSettings(d.ctx, d.admin, d.m, st); err != nil {
			t.Fatal(err)
		}
		st, _ = s.Settings(d.ctx)
		if st.TimeZone != "Asia/Tokyo" || st.Location().String() != "Asia/Tokyo" {
			t.Fatalf("zone %q %v, want Asia/Tokyo", st.TimeZone, st.Location())
		}
		if got := publishedAt.In(st.Location()).Format(models.DateLayout); got != "2026-03-02" {
			t.Errorf("%v in Tokyo is %s, want 2026-03-02", publishedAt, got)
		}
		for _, bad := range []string{"Mars/Olympus_Mons", "Local", "asia/tokyo/", "../etc/passwd", strings.Repeat("A", 80)} {
			st.TimeZone = bad
			_, err := s.UpdateSettings(d.ctx, d.admin, d.m, st)
			if models.FieldErrors(err)["time_zone"] == "" {
				t.Errorf("zone %q: %v, want a time_zone field error", bad, err)
			}
		}
		if st, _ = s.Settings(d.ctx); st.TimeZone != "Asia/Tokyo" {
			t.Errorf("a refused zone changed the setting to %q", st.TimeZone)
		}
		st.TimeZone = ""
		if _, err := s.UpdateSettings(d.ctx, d.admin, d.m, st); err != nil {
			t.Fatal(err)
		}
		if st, _ = s.Settings(d.ctx); st.TimeZone != "UTC" {
			t.Errorf("an empty zone saved as %q, want UTC", st.TimeZone)
		}
	})
}
