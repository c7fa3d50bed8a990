package wayback_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor who changes a source's URL while the Wayback job of the old
// URL runs gets a copy of the new URL: the job runs again for it.
func TestWaybackURLChangedWhileItRuns(t *testing.T) {
	modelstest.ForEach(t, models.Config{Wayback: true}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		r := jobs.New(s, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
		r.Handle(models.JobWayback, e.saver.Handle)
		var src *models.Source
		changed := false
		e.spn.set(func(w http.ResponseWriter, req *http.Request) {
			if !changed {
				changed = true
				cur := e.get(t, src.ID)
				_, err := s.UpdateSource(t.Context(), e.ed, models.Meta{}, src.ID, models.SourceInput{URL: "https://news.example.org/new",
					Title: cur.Title, Kind: cur.Kind, Stance: cur.Stance, Revision: cur.Revision})
				if err != nil {
					t.Error(err)
				}
			}
			saved(w, req)
		})
		src = e.source(t, "https://news.example.org/old")
		if err := r.Drain(t.Context()); err != nil {
			t.Fatal(err)
		}
		if got := e.get(t, src.ID); got.WaybackStatus != models.WaybackQueued {
			t.Fatalf("the new URL's copy is %q before it was asked for", got.WaybackStatus)
		}
		time.Sleep(1100 * time.Millisecond) // the job was put back for a second
		if err := r.Drain(t.Context()); err != nil {
			t.Fatal(err)
		}
		got := e.get(t, src.ID)
		calls := e.spn.calls()
		if got.WaybackStatus != models.WaybackSaved || len(calls) != 2 || !strings.HasSuffix(calls[1], "https://news.example.org/new") {
			t.Errorf("the new URL's Wayback copy is %q after the calls %q", got.WaybackStatus, calls)
		}
	})
}
