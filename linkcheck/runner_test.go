package linkcheck_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// article is a news page whose main text is text and whose furniture (an
// advertisement token, a clock) changes on every load, as real pages do.
func article(text string, load int64) string {
	return fmt.Sprintf(`<!doctype html><html><head><meta charset="utf-8"><title>Crime figures</title>
<script>window.adToken = "tok-%d"</script></head><body><header><nav><a href="/">Home</a></nav><p>Page loaded at %d</p></header>
<article><h1>Crime figures for 2019 and 2024</h1><p>%s</p>
<p>The figures come from the police's yearly report, published each spring.</p></article>
<footer><p>Load %d</p></footer></body></html>`, load, load, text, load)
}

// runnerEnv runs the archive and link-check jobs of a store on a clock.
type runnerEnv struct {
	*env
	clock  *modelstest.Clock
	runner *jobs.Runner
}

func newRunnerEnv(t *testing.T, s *models.Store, clock *modelstest.Clock) *runnerEnv {
	t.Helper()
	e := &runnerEnv{env: newEnv(t, s), clock: clock}
	e.runner = jobs.New(s, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
	e.runner.Handle(models.JobArchiveSource, (&archive.Archiver{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: loopback})}).Run)
	e.runner.Handle(models.JobCheckLink, e.checker.Handle)
	return e
}

// drain runs every due job.
func (e *runnerEnv) drain(t *testing.T) {
	t.Helper()
	if err := e.runner.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// check asks for a check of src now and runs it, a host gap after the
// last request.
func (e *runnerEnv) check(t *testing.T, src *models.Source) *models.Source {
	t.Helper()
	e.clock.Add(e.checker.HostGap)
	key := "check_link:source:" + strconv.FormatUint(uint64(src.ID), 10)
	if err := e.s.EnqueueJob(t.Context(), models.JobCheckLink, key, models.SourceJob{SourceID: src.ID}, e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	e.drain(t)
	got, err := e.s.GetSource(t.Context(), src.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// A page archived on save is live while its main text stays the same,
// however its bytes change from load to load; changed once its text
// changes; gone once it answers 404. A file other than HTML is compared
// byte for byte.
func TestLinkCheckFindsChangedAndGone(t *testing.T) {
	clock := modelstest.NewClock(time.Now())
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		e := newRunnerEnv(t, s, clock)
		var text atomic.Value
		text.Store("Recorded crime fell by 12 per cent, not by half.")
		var loads atomic.Int64
		var csv atomic.Value
		csv.Store("year,offences\n2019,41200\n2024,36250\n")
		var status atomic.Int64
		status.Store(200)
		web := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/figures.csv" {
				w.Header().Set("Content-Type", "text/csv")
				fmt.Fprint(w, csv.Load())
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(int(status.Load()))
			fmt.Fprint(w, article(text.Load().(string), loads.Add(1)))
		})
		src := e.source(t, web.URL+"/2025/crime-figures")
		data := e.source(t, web.URL+"/figures.csv")
		e.drain(t) // archived on save
		if got, _ := s.GetSource(t.Context(), src.ID); got.ArchiveStatus != models.ArchiveArchived || got.ArchiveSnapshot == nil {
			t.Fatalf("not archived: %q %q", got.ArchiveStatus, got.ArchiveError)
		}
		got := e.check(t, src)
		wantLink(t, got, models.LinkLive, 200, "")
		if web.hitsOf("/2025/crime-figures") != 2 {
			t.Errorf("%d requests, want 2 (archive and check)", web.hitsOf("/2025/crime-figures"))
		}
		wantLink(t, e.check(t, data), models.LinkLive, 200, "")
		// The text changes: changed, and stays changed.
		text.Store("Recorded crime fell by half.")
		wantLink(t, e.check(t, src), models.LinkChanged, 200, "")
		wantLink(t, e.check(t, src), models.LinkChanged, 200, "")
		csv.Store("year,offences\n2019,41200\n2024,20600\n")
		wantLink(t, e.check(t, data), models.LinkChanged, 200, "")
		// The page is deleted.
		status.Store(404)
		got = e.check(t, src)
		wantLink(t, got, models.LinkGone, 404, "The address answered 404 Not Found")
		rows, err := s.LinkChecksOf(t.Context(), src.ID, 10)
		if err != nil || len(rows) != 4 || rows[0].Status != models.LinkGone || rows[3].Status != models.LinkLive || rows[3].SHA256 == "" {
			t.Errorf("history %+v %v", rows, err)
		}
		if list, err := s.ListJobs(t.Context(), models.JobFilter{State: models.JobFailed}); err != nil || list.Total != 0 {
			t.Errorf("failed jobs: %+v %v", list.Items, err)
		}
	})
}

// Through the runner, a 429's Retry-After puts the job back for that long
// without using up an attempt, and the host's other source waits as long.
func TestLinkCheckRetryAfterThroughRunner(t *testing.T) {
	clock := modelstest.NewClock(time.Now())
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		e := newRunnerEnv(t, s, clock)
		web := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/limited" {
				w.Header().Set("Retry-After", "120")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "<p>fine</p>")
		})
		limited := e.source(t, web.URL+"/limited")
		other := e.source(t, web.URL+"/other")
		start := clock.Now()
		for _, src := range []*models.Source{limited, other} {
			key := "check_link:source:" + strconv.FormatUint(uint64(src.ID), 10)
			if err := s.EnqueueJob(t.Context(), models.JobCheckLink, key, models.SourceJob{SourceID: src.ID}, start); err != nil {
				t.Fatal(err)
			}
		}
		// Only the link checks: the archive jobs would take the host's slot
		// at other times than a link check's.
		r := jobs.New(s, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
		r.Handle(models.JobCheckLink, e.checker.Handle)
		if err := r.Drain(t.Context()); err != nil {
			t.Fatal(err)
		}
		list, err := s.ListJobs(t.Context(), models.JobFilter{State: models.JobQueued})
		if err != nil {
			t.Fatal(err)
		}
		runAt := map[uint]*models.Job{}
		for _, it := range list.Items {
			if it.Kind == models.JobCheckLink {
				j := it.Job
				runAt[it.SourceID] = &j
			}
		}
		lj, oj := runAt[limited.ID], runAt[other.ID]
		if lj == nil || oj == nil {
			t.Fatalf("queued checks: %+v", list.Items)
		}
		// Postgres keeps microseconds.
		if d := lj.RunAt.Sub(start); d < 120*time.Second-time.Millisecond || d > 120*time.Second+time.Millisecond || lj.Attempts != 0 {
			t.Errorf("the limited source's check: due in %v after %d attempts, want 120s and 0", d, lj.Attempts)
		}
		if d := oj.RunAt.Sub(start); d < 120*time.Second-time.Millisecond || d > 120*time.Second+e.checker.HostGap || oj.Attempts != 0 {
			t.Errorf("the other source's check: due in %v after %d attempts", d, oj.Attempts)
		}
		if web.hitsOf("/other") != 0 || web.hitsOf("/limited") != 1 {
			t.Errorf("requests: %d to /other, %d to /limited", web.hitsOf("/other"), web.hitsOf("/limited"))
		}
	})
}
