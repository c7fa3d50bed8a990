package linkcheck_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/fetcher"
	"claimtracker/linkcheck"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// loopback allows the tests' local servers (127.0.0.1 and 127.0.0.2).
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// site is a local web server on one loopback address, counting requests
// per path.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newSite(t *testing.T, ip string, h http.HandlerFunc) *site {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	s := &site{hits: map[string]int{}}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		h(w, r)
	}))
	s.Listener.Close()
	s.Listener = ln
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *site) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// env is a store with an editor and a checker whose fetcher may reach the
// local servers.
type env struct {
	s       *models.Store
	ed      *models.User
	checker *linkcheck.Checker
	claimID uint
}

func newEnv(t *testing.T, s *models.Store) *env {
	t.Helper()
	e := &env{s: s, ed: modelstest.User(t, s, "ed@example.org", models.RoleEditor)}
	e.checker = &linkcheck.Checker{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: loopback, Timeout: 2 * time.Second}), HostGap: 10 * time.Second}
	c, err := s.CreateClaim(t.Context(), e.ed, models.Meta{}, models.ClaimInput{
		Text: "Crime fell by half in the city since 2019", Summary: "Crime halved since 2019", Speaker: "The Mayor's Office",
		SpeakerKind: models.KindOrganization, SaidAt: "2024-05-02",
	})
	if err != nil {
		t.Fatal(err)
	}
	e.claimID = c.ID
	return e
}

// source adds a source at u to the env's claim.
func (e *env) source(t *testing.T, u string) *models.Source {
	t.Helper()
	src, err := e.s.AddSource(t.Context(), e.ed, models.Meta{}, e.claimID, models.SourceInput{
		URL: u, Title: "Crime statistics " + u, Kind: models.SourceDataset, Stance: models.StanceContradicts,
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// job is the check_link job of src, on its first attempt of five.
func job(src *models.Source) *models.Job {
	key := "check_link:source:" + strconv.FormatUint(uint64(src.ID), 10)
	return &models.Job{ID: 1, Kind: models.JobCheckLink, Key: &key, Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID),
		State: models.JobRunning, Attempts: 1, MaxAttempts: 5, CreatedAt: time.Now()}
}

// run runs the check of src and fails the test unless it ends without a
// wait and without an error; it returns the source as it is then.
func (e *env) run(t *testing.T, src *models.Source) *models.Source {
	t.Helper()
	wait, err := e.checker.Run(t.Context(), job(src))
	for tries := 0; err == nil && wait > 0 && wait < time.Second && tries < 5; tries++ {
		// The host's short gap since the last check has not passed yet.
		time.Sleep(wait)
		wait, err = e.checker.Run(t.Context(), job(src))
	}
	if err != nil || wait != 0 {
		t.Fatalf("check of %s: wait %v, %v", src.URL, wait, err)
	}
	got, err := e.s.GetSource(t.Context(), src.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func wantLink(t *testing.T, got *models.Source, status models.LinkStatus, code int, errText string) {
	t.Helper()
	gotCode := 0
	if got.LinkHTTPStatus != nil {
		gotCode = *got.LinkHTTPStatus
	}
	if got.LinkStatus != status || gotCode != code || got.LinkError != errText || got.LinkCheckedAt == nil {
		t.Errorf("%s: %s %d %q (checked %v), want %s %d %q", got.URL, got.LinkStatus, gotCode, got.LinkError, got.LinkCheckedAt, status, code, errText)
	}
}

// A page that went 404 or 410, a host whose name no longer exists, and a
// page that redirects for good to the site's home page are gone; a page
// that answers is live.
func TestCheckFindsGone(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.checker.HostGap = time.Millisecond
		web := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/deleted":
				http.Error(w, "no such page", http.StatusNotFound)
			case "/removed":
				http.Error(w, "removed", http.StatusGone)
			case "/to-home":
				http.Redirect(w, r, "/", http.StatusMovedPermanently)
			default:
				fmt.Fprint(w, "<p>here</p>")
			}
		})
		live := e.source(t, web.URL+"/report")
		wantLink(t, e.run(t, live), models.LinkLive, 200, "")
		deleted := e.source(t, web.URL+"/deleted")
		wantLink(t, e.run(t, deleted), models.LinkGone, 404, "The address answered 404 Not Found")
		time.Sleep(2 * time.Millisecond)
		wantLink(t, e.run(t, e.source(t, web.URL+"/removed")), models.LinkGone, 410, "The address answered 410 Gone")
		time.Sleep(2 * time.Millisecond)
		home := e.run(t, e.source(t, web.URL+"/to-home"))
		wantLink(t, home, models.LinkGone, 200, "The address redirects to the site's home page")
		if home.LinkFinalURL != web.URL+"/" {
			t.Errorf("final URL %q", home.LinkFinalURL)
		}
		lapsed := e.run(t, e.source(t, "https://lapsed-outlet.invalid/story"))
		wantLink(t, lapsed, models.LinkGone, 0, "The address could not be reached: its host name was not found")
		// The page that was live goes 404 a week later.
		web.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
		time.Sleep(2 * time.Millisecond)
		wantLink(t, e.run(t, live), models.LinkGone, 404, "The address answered 404 Not Found")
	})
}

// A permanent redirect to another address is moved; one that only changes
// what does not matter (https, a trailing slash, "www.", tracking
// parameters) or a temporary one is not.
func TestCheckFindsMoved(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.checker.HostGap = time.Millisecond
		web := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/2019/crime":
				http.Redirect(w, r, "/statistics/crime-2019", http.StatusMovedPermanently)
			case "/data":
				http.Redirect(w, r, "/data/", http.StatusPermanentRedirect)
			case "/tracked":
				http.Redirect(w, r, "/tracked/?utm_source=feed", http.StatusMovedPermanently)
			case "/today":
				http.Redirect(w, r, "/statistics/latest", http.StatusFound)
			case "/chain":
				http.Redirect(w, r, "/2019/crime", http.StatusMovedPermanently)
			default:
				fmt.Fprint(w, "<p>statistics</p>")
			}
		})
		moved := e.run(t, e.source(t, web.URL+"/2019/crime"))
		wantLink(t, moved, models.LinkMoved, 200, "")
		if moved.LinkFinalURL != web.URL+"/statistics/crime-2019" {
			t.Errorf("moved to %q", moved.LinkFinalURL)
		}
		for _, path := range []string{"/data", "/tracked", "/today"} {
			time.Sleep(2 * time.Millisecond)
			wantLink(t, e.run(t, e.source(t, web.URL+path)), models.LinkLive, 200, "")
		}
		time.Sleep(2 * time.Millisecond)
		chain := e.run(t, e.source(t, web.URL+"/chain"))
		wantLink(t, chain, models.LinkMoved, 200, "")
	})
}

// A 429 or a 503 with Retry-After (in seconds or as a date) holds the host
// for as long as it asks: the job comes back then, nothing is recorded,
// and the host's other sources wait too. A 503 without Retry-After is a
// failure that may pass: tried again, and recorded on the last attempt.
func TestCheckHonoursRetryAfter(t *testing.T) {
	clock := modelstest.NewClock(time.Now())
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		gap := 10 * time.Second
		e.checker.HostGap = gap
		var mode atomic.Value
		mode.Store("seconds")
		busy := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) {
			switch mode.Load() {
			case "seconds":
				w.Header().Set("Retry-After", "120")
				w.WriteHeader(http.StatusTooManyRequests)
			case "date":
				now := time.Now().UTC().Truncate(time.Second)
				w.Header().Set("Date", now.Format(http.TimeFormat))
				w.Header().Set("Retry-After", now.Add(time.Hour).Format(http.TimeFormat))
				w.WriteHeader(http.StatusServiceUnavailable)
			case "down":
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		})
		src := e.source(t, busy.URL+"/report")
		wait, err := e.checker.Run(t.Context(), job(src))
		if err != nil || wait != 120*time.Second {
			t.Fatalf("429 Retry-After 120: wait %v, %v", wait, err)
		}
		if got, _ := s.GetSource(t.Context(), src.ID); got.LinkStatus != "" {
			t.Errorf("a 429 was recorded: %s", got.LinkStatus)
		}
		// Another source of the same host (another port, same name) waits
		// out the 120 s without a request.
		sibling := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
		other := e.source(t, sibling.URL+"/other")
		wait, err = e.checker.Run(t.Context(), job(other))
		if err != nil || wait < 118*time.Second || wait > 120*time.Second+gap {
			t.Fatalf("the host's other source: wait %v, %v", wait, err)
		}
		if n := sibling.hitsOf("/other"); n != 0 {
			t.Errorf("the held host got %d requests", n)
		}
		// After the wait, a 503 with a date an hour ahead.
		clock.Add(120 * time.Second)
		mode.Store("date")
		wait, err = e.checker.Run(t.Context(), job(src))
		if err != nil || wait != time.Hour {
			t.Fatalf("503 Retry-After in an hour: wait %v, %v", wait, err)
		}
		// A 503 without Retry-After: tried again while attempts remain.
		clock.Add(time.Hour)
		mode.Store("down")
		j := job(src)
		wait, err = e.checker.Run(t.Context(), j)
		if !errors.Is(err, linkcheck.ErrRetry) || wait != 0 {
			t.Fatalf("503 on attempt 1: wait %v, %v", wait, err)
		}
		if got, _ := s.GetSource(t.Context(), src.ID); got.LinkStatus != "" {
			t.Errorf("a first 503 was recorded: %s", got.LinkStatus)
		}
		clock.Add(gap)
		j.Attempts = j.MaxAttempts
		wait, err = e.checker.Run(t.Context(), j)
		if err != nil || wait != 0 {
			t.Fatalf("503 on the last attempt: wait %v, %v", wait, err)
		}
		got, _ := s.GetSource(t.Context(), src.ID)
		wantLink(t, got, models.LinkUnreachable, 503, "The address answered 503 Service Unavailable")
		// A Retry-After longer than a day is not waited for.
		clock.Add(gap)
		busy.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", strconv.Itoa(3*24*3600))
			w.WriteHeader(http.StatusTooManyRequests)
		})
		got = e.run(t, src)
		wantLink(t, got, models.LinkUnreachable, 429, "The address answered 429 Too Many Requests and asked to wait 72 hours")
	})
}

// Two sources on one host are checked a gap apart, whichever instance
// runs them; a source on another host is not held up.
func TestCheckPacesSourcesOfOneHost(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		gap := 3 * time.Second
		e.checker.HostGap = gap
		one := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>one</p>") })
		two := newSite(t, "127.0.0.2", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>two</p>") })
		a, b, c := e.source(t, one.URL+"/a"), e.source(t, one.URL+"/b"), e.source(t, two.URL+"/c")
		wantLink(t, e.run(t, a), models.LinkLive, 200, "")
		// A second instance's checker, on the same database.
		other := &linkcheck.Checker{Store: s, Fetcher: fetcher.New(fetcher.Config{Allow: loopback}), HostGap: gap}
		wait, err := other.Run(t.Context(), job(b))
		if err != nil || wait <= 0 || wait > 2*gap {
			t.Fatalf("the host's second source: wait %v, %v", wait, err)
		}
		if one.hitsOf("/b") != 0 {
			t.Fatalf("the second source was fetched within the gap")
		}
		wantLink(t, e.run(t, c), models.LinkLive, 200, "")
		time.Sleep(gap)
		if got := e.run(t, b); got.LinkStatus != models.LinkLive || one.hitsOf("/b") != 1 {
			t.Errorf("after the gap: %s, %d requests", got.LinkStatus, one.hitsOf("/b"))
		}
	})
}

// A source removed, or whose URL changed, before its check runs is
// nothing to do.
func TestCheckOfRemovedSource(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		web := newSite(t, "127.0.0.1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
		src := e.source(t, web.URL+"/x")
		if err := s.DeleteSource(t.Context(), e.ed, models.Meta{}, src.ID, 0); err != nil {
			t.Fatal(err)
		}
		if wait, err := e.checker.Run(t.Context(), job(src)); err != nil || wait != 0 {
			t.Fatalf("removed source: %v %v", wait, err)
		}
		if web.hitsOf("/x") != 0 {
			t.Errorf("a removed source was fetched")
		}
	})
}

// The scheduler asks for the checks that are due, once per source however
// many instances ask; with an interval of 0 it does nothing.
func TestSchedulerRound(t *testing.T) {
	var mu sync.Mutex
	now := time.Now().Add(-30 * 24 * time.Hour)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	modelstest.ForEach(t, models.Config{Now: clock}, func(t *testing.T, s *models.Store) {
		e := newEnv(t, s)
		e.source(t, "https://a.example.org/1")
		e.source(t, "https://a.example.org/2")
		e.source(t, "https://b.example.org/1")
		mu.Lock()
		now = now.Add(8 * 24 * time.Hour)
		mu.Unlock()
		sch := &linkcheck.Scheduler{Store: s, Interval: 7 * 24 * time.Hour, Every: time.Minute, HostGap: time.Minute}
		// One per host fits in a round of a minute with a gap of a minute.
		if n, err := sch.Round(t.Context()); err != nil || n != 2 {
			t.Fatalf("first round: %d, %v", n, err)
		}
		second := &linkcheck.Scheduler{Store: s, Interval: 7 * 24 * time.Hour, Every: time.Minute, HostGap: time.Minute}
		if n, err := second.Round(t.Context()); err != nil || n != 1 {
			t.Fatalf("another instance's round: %d, %v", n, err)
		}
		if n, _ := sch.Round(t.Context()); n != 0 {
			t.Fatalf("a round with every check queued: %d", n)
		}
		off := &linkcheck.Scheduler{Store: s}
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		off.Run(ctx)
		if ctx.Err() != nil {
			t.Errorf("an interval of 0 ran until the context ended")
		}
	})
}
