package models_test

import (
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A claim said, or a source or an article published, on a day still to
// come was accepted, and put the claim's timeline out of order. Every date
// field now refuses a day after today, the newsroom's calendar day in its
// own time zone: late on 1 March in UTC it is already 2 March in Tokyo.
func TestDatesAreNotAfterTheNewsroomsToday(t *testing.T) {
	modelstest.ForEach(t, models.Config{Now: modelstest.NewClock(publishedAt).Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		draft, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		src, err := s.AddSource(d.ctx, d.ed, d.m, draft.ID, models.SourceInput{URL: "https://example.org/r", Title: "A report",
			Kind: models.SourceNewsReport, Stance: models.StanceContradicts})
		if err != nil {
			t.Fatal(err)
		}
		// Each saves one date in its own field and returns the refusal.
		fields := map[string]func(date string) error{
			"new claim said_at": func(date string) error {
				in := sworn()
				in.SaidAt, in.Summary = date, "Said on "+date
				_, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
				return err
			},
			"claim edit said_at": func(date string) error {
				_, err := s.UpdateClaim(d.ctx, d.ed, d.m, draft.ID, models.ClaimPatch{SaidAt: &date})
				return err
			},
			"new source published_at": func(date string) error {
				_, err := s.AddSource(d.ctx, d.ed, d.m, draft.ID, models.SourceInput{URL: "https://example.org/" + date, Title: "A report",
					PublishedAt: date, Kind: models.SourceNewsReport, Stance: models.StanceContext})
				return err
			},
			"source edit published_at": func(date string) error {
				_, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, models.SourceInput{URL: src.URL, Title: src.Title,
					PublishedAt: date, Kind: src.Kind, Stance: src.Stance})
				return err
			},
			"new article published_at": func(date string) error {
				_, err := s.CreateArticle(d.ctx, d.ed, d.m, models.ArticleInput{URL: "https://news.example.org/" + date, Title: "Budget",
					PublishedAt: date, Text: `He said: "No."`})
				return err
			},
		}
		field := map[string]string{"new claim said_at": "said_at", "claim edit said_at": "said_at"}
		check := func(zone, today, tomorrow, shown string) {
			t.Helper()
			for name, save := range fields {
				if err := save(today); err != nil {
					t.Errorf("%s: today (%s in %s) refused: %v", name, today, zone, err)
				}
				f := field[name]
				if f == "" {
					f = "published_at"
				}
				err := save(tomorrow)
				if got, want := models.FieldErrors(err)[f], "must not be after today ("+shown+")"; got != want {
					t.Errorf("%s: %s in %s: %s %q (%v), want %q", name, tomorrow, zone, f, got, err, want)
				}
			}
		}
		check("UTC", "2026-03-01", "2026-03-02", "1 March 2026")

		st, err := s.Settings(d.ctx)
		if err != nil {
			t.Fatal(err)
		}
		st.TimeZone = "Asia/Tokyo"
		if _, err := s.UpdateSettings(d.ctx, d.admin, d.m, st); err != nil {
			t.Fatal(err)
		}
		check("Asia/Tokyo", "2026-03-02", "2026-03-03", "2 March 2026")

		c, err := s.GetClaim(d.ctx, draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := models.FormatDate(c.SaidAt); got != "2026-03-02" {
			t.Errorf("said_at after the refused edit: %s, want the last date accepted", got)
		}
	})
}
