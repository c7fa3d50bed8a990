package wayback_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"sync"
	"testing"
	"time"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/wayback"
)

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// fakeSPN is a local stand-in for Save Page Now: it records the request
// targets it gets and answers with answer.
type fakeSPN struct {
	*httptest.Server
	mu      sync.Mutex
	targets []string
	answer  http.HandlerFunc
}

func newFakeSPN(t *testing.T) *fakeSPN {
	t.Helper()
	f := &fakeSPN{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.targets = append(f.targets, r.Method+" "+r.RequestURI)
		answer := f.answer
		f.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSPN) set(h http.HandlerFunc) { f.mu.Lock(); f.answer = h; f.mu.Unlock() }

func (f *fakeSPN) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.targets...)
}

// saved answers as Save Page Now does once it has the copy: the copy's
// path in Content-Location.
func saved(w http.ResponseWriter, r *http.Request) {
	target := r.RequestURI[len("/save/"):]
	w.Header().Set("Content-Location", "/web/20250301120000/"+target)
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprint(w, "<p>the copy</p>")
}

type env struct {
	s     *models.Store
	ed    *models.User
	saver *wayback.Saver
	spn   *fakeSPN
	claim uint
}

func newEnv(t *testing.T, s *models.Store) *env {
	t.Helper()
	e := &env{s: s, ed: modelstest.User(t, s, "ed@example.org", models.RoleEditor), spn: newFakeSPN(t)}
	e.saver = &wayback.Saver{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: loopback, Timeout: 2 * time.Second}),
		Endpoint: e.spn.URL + "/save/", HostGap: time.Millisecond}
	c, err := s.CreateClaim(t.Context(), e.ed, models.Meta{}, models.ClaimInput{
		Text: "Crime fell by half in the city since 2019", Summary: "Crime halved since 2019", Speaker: "The Mayor's Office",
		SpeakerKind: models.KindOrganization, SaidAt: "2024-05-02",
	})
	if err != nil {
		t.Fatal(err)
	}
	e.claim = c.ID
	return e
}

func (e *env) source(t *testing.T, u string) *models.Source {
	t.Helper()
	src, err := e.s.AddSource(t.Context(), e.ed, models.Meta{}, e.claim, models.SourceInput{
		URL: u, Title: "Crime statistics", Kind: models.SourceDataset, Stance: models.StanceContradicts,
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func job(src *models.Source, attempt int) *models.Job {
	key := "wayback:source:" + strconv.FormatUint(uint64(src.ID), 10)
	return &models.Job{ID: 1, Kind: models.JobWayback, Key: &key, Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID),
		State: models.JobRunning, Attempts: attempt, MaxAttempts: 5, CreatedAt: time.Now()}
}

func (e *env) get(t *testing.T, id uint) *models.Source {
	t.Helper()
	src, err := e.s.GetSource(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// The fake is asked for the source's URL (its fragment left out) and the
// copy's address it answers is kept, absolute; the job run again asks
// nothing more.
func TestWaybackSavesCopy(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.spn.set(saved)
		src := e.source(t, "https://news.example.org/2025/crime-figures?page=2#table")
		wait, err := e.saver.Run(t.Context(), job(src, 1))
		if err != nil || wait != 0 {
			t.Fatalf("run: %v %v", wait, err)
		}
		want := "GET /save/https://news.example.org/2025/crime-figures?page=2"
		if calls := e.spn.calls(); len(calls) != 1 || calls[0] != want {
			t.Fatalf("calls %q, want %q", calls, want)
		}
		got := e.get(t, src.ID)
		wantURL := e.spn.URL + "/web/20250301120000/https://news.example.org/2025/crime-figures?page=2"
		if got.WaybackStatus != models.WaybackSaved || got.WaybackURL != wantURL || got.WaybackError != "" || got.WaybackAt == nil {
			t.Fatalf("source %+v, want the copy at %s", got, wantURL)
		}
		if wait, err := e.saver.Run(t.Context(), job(src, 2)); err != nil || wait != 0 || len(e.spn.calls()) != 1 {
			t.Errorf("run again: %v %v, %d calls", wait, err, len(e.spn.calls()))
		}
	})
}

// A redirect to the copy, or a Link header naming it, gives the address
// too; an answer that names none does not.
func TestCopyURL(t *testing.T) {
	base := "https://web.archive.org/save/https://example.org/a"
	for _, tc := range []struct {
		name   string
		status int
		header http.Header
		want   string
	}{
		{"content-location", 200, http.Header{"Content-Location": {"/web/20250301120000/https://example.org/a"}}, "https://web.archive.org/web/20250301120000/https://example.org/a"},
		{"location", 302, http.Header{"Location": {"https://web.archive.org/web/20250301120000/https://example.org/a"}}, "https://web.archive.org/web/20250301120000/https://example.org/a"},
		{"location elsewhere", 302, http.Header{"Location": {"https://archive.org/account/login"}}, ""},
		{"link", 200, http.Header{"Link": {`<https://example.org/a>; rel="original", <https://web.archive.org/web/timemap/link/https://example.org/a>; rel="timemap"; type="application/link-format", <https://web.archive.org/web/20250301120000/https://example.org/a>; rel="last memento"; datetime="Sat, 01 Mar 2025 12:00:00 GMT"`}}, "https://web.archive.org/web/20250301120000/https://example.org/a"},
		{"script", 200, http.Header{"Content-Location": {"javascript:alert(1)//web/"}}, ""},
		{"nothing", 200, http.Header{}, ""},
	} {
		res := &fetcher.Response{URL: base, FinalURL: base, Status: tc.status, Header: tc.header}
		if got := wayback.CopyURL(res); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A failing Save Page Now is recorded on the source, which stays saved:
// queued with the reason while attempts remain, failed on the last, and
// at once for an answer that would not change.
func TestWaybackFailureIsRecorded(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.spn.set(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "overloaded", http.StatusBadGateway) })
		src := e.source(t, "https://news.example.org/story")
		wait, err := e.saver.Run(t.Context(), job(src, 1))
		if !errors.Is(err, wayback.ErrRetry) || wait != 0 {
			t.Fatalf("attempt 1: %v %v", wait, err)
		}
		got := e.get(t, src.ID)
		if got.WaybackStatus != models.WaybackQueued || got.WaybackError != "Save Page Now answered 502 Bad Gateway" {
			t.Errorf("after attempt 1: %q %q", got.WaybackStatus, got.WaybackError)
		}
		time.Sleep(2 * time.Millisecond)
		if wait, err := e.saver.Run(t.Context(), job(src, 5)); err != nil || wait != 0 {
			t.Fatalf("last attempt: %v %v", wait, err)
		}
		got = e.get(t, src.ID)
		if got.WaybackStatus != models.WaybackFailed || got.WaybackError != "Save Page Now answered 502 Bad Gateway" || got.WaybackAt == nil {
			t.Errorf("after the last attempt: %+v", got)
		}
		if got.URL != src.URL || got.Title != src.Title {
			t.Errorf("the source changed: %+v", got)
		}
		// A client error is final at once.
		e.spn.set(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "blocked", http.StatusForbidden) })
		other := e.source(t, "https://news.example.org/other")
		time.Sleep(2 * time.Millisecond)
		if wait, err := e.saver.Run(t.Context(), job(other, 1)); err != nil || wait != 0 {
			t.Fatalf("403: %v %v", wait, err)
		}
		if got := e.get(t, other.ID); got.WaybackStatus != models.WaybackFailed || got.WaybackError != "Save Page Now answered 403 Forbidden" {
			t.Errorf("after a 403: %q %q", got.WaybackStatus, got.WaybackError)
		}
		// An endpoint the fetcher's rules refuse.
		refused := &wayback.Saver{Store: s, Fetcher: fetcher.New(fetcher.Config{}), Endpoint: e.spn.URL + "/save/", HostGap: time.Millisecond}
		third := e.source(t, "https://news.example.org/third")
		time.Sleep(2 * time.Millisecond)
		if _, err := refused.Run(t.Context(), job(third, 1)); err != nil {
			t.Fatal(err)
		}
		if got := e.get(t, third.ID); got.WaybackStatus != models.WaybackFailed || got.WaybackError == "" {
			t.Errorf("a refused endpoint: %q %q", got.WaybackStatus, got.WaybackError)
		}
	})
}

// A 429 holds the endpoint's host for its Retry-After: the job comes back
// then, and the next source waits too.
func TestWaybackHonoursRetryAfter(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.spn.set(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "90")
			w.WriteHeader(http.StatusTooManyRequests)
		})
		src := e.source(t, "https://news.example.org/story")
		if wait, err := e.saver.Run(t.Context(), job(src, 1)); err != nil || wait != 90*time.Second {
			t.Fatalf("429: %v %v", wait, err)
		}
		other := e.source(t, "https://news.example.org/other")
		if wait, err := e.saver.Run(t.Context(), job(other, 1)); err != nil || wait < 88*time.Second || wait > 91*time.Second {
			t.Fatalf("the next source: %v %v", wait, err)
		}
		if n := len(e.spn.calls()); n != 1 {
			t.Errorf("%d calls while held", n)
		}
		if got := e.get(t, src.ID); got.WaybackStatus != "" {
			t.Errorf("a 429 was recorded: %q", got.WaybackStatus)
		}
	})
}

func TestCheckEndpoint(t *testing.T) {
	for _, ok := range []string{wayback.DefaultEndpoint, "http://127.0.0.1:8080/save/"} {
		if err := wayback.CheckEndpoint(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "web.archive.org/save/", "ftp://web.archive.org/", "https:///save/"} {
		if err := wayback.CheckEndpoint(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Through the save and the runner: with Wayback on, saving a source
// queues the job, which calls the fake with the source's URL and records
// the copy; a failing fake leaves the saved source as it was, with the
// failure recorded.
func TestWaybackOnSave(t *testing.T) {
	modelstest.ForEach(t, models.Config{Wayback: true}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		r := jobs.New(s, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
		r.Handle(models.JobWayback, e.saver.Handle)
		e.spn.set(saved)
		src := e.source(t, "https://news.example.org/story")
		if src.ID == 0 || e.get(t, src.ID).WaybackStatus != models.WaybackQueued {
			t.Fatalf("saved source: %+v", e.get(t, src.ID))
		}
		if err := r.Drain(t.Context()); err != nil {
			t.Fatal(err)
		}
		if calls := e.spn.calls(); len(calls) != 1 || calls[0] != "GET /save/https://news.example.org/story" {
			t.Fatalf("calls %q", calls)
		}
		if got := e.get(t, src.ID); got.WaybackStatus != models.WaybackSaved || got.WaybackURL != e.spn.URL+"/web/20250301120000/https://news.example.org/story" {
			t.Fatalf("after the job: %q %q", got.WaybackStatus, got.WaybackURL)
		}
		// Save Page Now refuses the next one.
		e.spn.set(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "this site is excluded", http.StatusForbidden)
		})
		time.Sleep(2 * time.Millisecond)
		other, err := s.AddSource(t.Context(), e.ed, models.Meta{}, e.claim, models.SourceInput{
			URL: "https://news.example.org/other", Title: "Another report", Kind: models.SourceNewsReport, Stance: models.StanceContext,
		})
		if err != nil {
			t.Fatalf("the save failed: %v", err)
		}
		if err := r.Drain(t.Context()); err != nil {
			t.Fatal(err)
		}
		got := e.get(t, other.ID)
		if got.WaybackStatus != models.WaybackFailed || got.WaybackError != "Save Page Now answered 403 Forbidden" || got.Title != "Another report" {
			t.Fatalf("after a refusal: %+v", got)
		}
	})
}
