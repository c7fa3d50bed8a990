package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// built builds the command once, with the sqlite_fts5 tag, as a release
// is built, for the tests that stop it as an operator (or a crash) would.
var built = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "claimtracker-built-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "claimtracker")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// server is the command running as its own process.
type server struct {
	t        *testing.T
	cmd      *exec.Cmd
	out, log *modelstest.SyncBuffer
	exited   chan error
}

// startServer runs the built command's serve with args and waits until it
// listens.
func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	bin, err := built()
	if err != nil {
		t.Fatal(err)
	}
	p := &server{t: t, out: &modelstest.SyncBuffer{}, log: &modelstest.SyncBuffer{}, exited: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.log
	p.cmd.Env = os.Environ()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	re := regexp.MustCompile(`listening on http://\S+`)
	deadline := time.Now().Add(30 * time.Second)
	for !re.MatchString(p.out.String()) {
		select {
		case err := <-p.exited:
			t.Fatalf("serve exited: %v\n%s\n%s", err, p.out.String(), p.log.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", p.out.String(), p.log.String())
		}
	}
	return p
}

// stop sends sig and waits up to within for the process to end; it
// returns how the process ended.
func (p *server) stop(sig os.Signal, within time.Duration) error {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		return err
	case <-time.After(within):
		p.t.Fatalf("still running %v after %v:\n%s", within, sig, p.log.String())
		return nil
	}
}

// slowSite is a web server whose page for a source hangs on the requests
// it is told to hang, until released or the client goes.
type slowSite struct {
	*httptest.Server
	requests atomic.Int32
	hangs    atomic.Int32 // requests up to this number hang
	arrived  chan int32
	mu       sync.Mutex
	release  chan struct{} // closed: the hanging requests answer
}

// releaseCh is the channel that releases the hanging requests.
func (s *slowSite) releaseCh() chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.release
}

// answer releases the requests hanging now; hang makes the requests up to
// number n hang again.
func (s *slowSite) answer() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

func (s *slowSite) hang(n int32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.release = make(chan struct{})
	s.hangs.Store(n)
}

func newSlowSite(t *testing.T) *slowSite {
	s := &slowSite{arrived: make(chan int32, 16), release: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.requests.Add(1)
		s.arrived <- n
		if n <= s.hangs.Load() {
			select {
			case <-s.releaseCh():
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><html><head><title>Sessions met the ambassador</title></head><body><article><h1>Sessions met the ambassador</h1>
<p>Then-Senator Jeff Sessions spoke twice last year with the Russian ambassador, Justice Department officials said.</p></article></body></html>`)
	}))
	t.Cleanup(s.Close)
	t.Cleanup(s.answer)
	return s
}

// waitArrived waits for request n to reach the site.
func (s *slowSite) waitArrived(t *testing.T, n int32) {
	t.Helper()
	for {
		select {
		case got := <-s.arrived:
			if got == n {
				return
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("request %d never came (%d came)", n, s.requests.Load())
		}
	}
}

// jobWorld is a database that the server runs on, opened by the test as
// another instance, with a claim to add sources to.
type jobWorld struct {
	t     *testing.T
	db    string
	store *models.Store
	ed    *models.User
	claim *models.Claim
}

func newJobWorld(t *testing.T, engine string) *jobWorld {
	t.Helper()
	db := modelstest.DSN(t, engine)
	if _, err := runCmd(t, "", "migrate", "--db", db); err != nil {
		t.Fatal(err)
	}
	s, err := models.Open(context.Background(), db, models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	w := &jobWorld{t: t, db: db, store: s, ed: modelstest.User(t, s, "ed@example.org", models.RoleEditor)}
	w.claim, err = s.CreateClaim(context.Background(), w.ed, models.Meta{}, models.ClaimInput{
		Text: "I did not have communications with the Russians", Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", Setting: "Senate confirmation hearing, under oath",
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// addSource adds a source whose URL is on site, which queues its archiving.
func (w *jobWorld) addSource(site *slowSite, path string) *models.Source {
	w.t.Helper()
	src, err := w.store.AddSource(context.Background(), w.ed, models.Meta{}, w.claim.ID, models.SourceInput{
		URL: site.URL + path, Title: "Sessions spoke twice with Russian ambassador", Outlet: "The Washington Post",
		PublishedAt: "2017-03-01", Kind: models.SourceNewsReport, Stance: models.StanceContradicts,
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return src
}

// archiveJob is the archive job of source id.
func (w *jobWorld) archiveJob(id uint) models.Job {
	w.t.Helper()
	l, err := w.store.ListJobs(context.Background(), models.JobFilter{PerPage: models.MaxJobsPerPage})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, it := range l.Items {
		if it.Kind == models.JobArchiveSource && it.SourceID == id {
			return it.Job
		}
	}
	w.t.Fatalf("no archive job for source %d in %+v", id, l.Items)
	return models.Job{}
}

// waitArchived waits until source id is archived and its job done.
func (w *jobWorld) waitArchived(id uint, logs ...*modelstest.SyncBuffer) models.Job {
	w.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		src, err := w.store.GetSource(context.Background(), id)
		if err != nil {
			w.t.Fatal(err)
		}
		j := w.archiveJob(id)
		if src.ArchiveStatus == models.ArchiveArchived && j.State == models.JobDone {
			return j
		}
		if time.Now().After(deadline) {
			var all string
			for _, l := range logs {
				all += l.String()
			}
			w.t.Fatalf("source %d: archive %q, job %+v\n%s", id, src.ArchiveStatus, j, all)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A job running when its server is killed (SIGKILL: no shutdown at all) is
// not lost: once its lease has run out, the restarted server claims it
// again and finishes it.
func TestJobInterruptedByKillIsFinishedAfterRestart(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			w := newJobWorld(t, engine)
			site := newSlowSite(t)
			site.hang(1)
			args := []string{"--db", w.db, "--fetch-allow", "127.0.0.1/32", "--job-lease", "2s"}
			first := startServer(t, args...)
			src := w.addSource(site, "/sessions-met-the-ambassador")
			site.waitArrived(t, 1) // the first server's archive job is fetching
			if j := w.archiveJob(src.ID); j.State != models.JobRunning || j.Attempts != 1 {
				t.Fatalf("the job as the server is killed: %+v", j)
			}
			var exit *exec.ExitError
			if err := first.stop(syscall.SIGKILL, 10*time.Second); !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("kill -9: %v", err)
			}
			if j := w.archiveJob(src.ID); j.State != models.JobRunning {
				t.Fatalf("the killed server's job: %+v", j)
			}

			second := startServer(t, args...)
			j := w.waitArchived(src.ID, first.log, second.log)
			if j.Attempts != 2 || site.requests.Load() != 2 {
				t.Fatalf("finished after %d attempts and %d requests, want 2 and 2", j.Attempts, site.requests.Load())
			}
			if err := second.stop(syscall.SIGTERM, 30*time.Second); err != nil {
				t.Fatalf("SIGTERM: %v\n%s", err, second.log.String())
			}
		})
	}
}

// SIGTERM stops the server, which waits for a running job within its
// grace period, and finishes it; past the grace period it stops without
// it, and the job is finished after the restart.
func TestShutdownWaitsForARunningJobOrLeavesIt(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			w := newJobWorld(t, engine)
			site := newSlowSite(t)
			site.hang(1)
			args := []string{"--db", w.db, "--fetch-allow", "127.0.0.1/32", "--job-lease", "2s", "--job-grace", "10s"}
			srv := startServer(t, args...)
			waited := w.addSource(site, "/waited-for")
			site.waitArrived(t, 1)
			if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-srv.exited:
				t.Fatalf("the server stopped while a job ran within its grace period: %v\n%s", err, srv.log.String())
			case <-time.After(time.Second):
			}
			site.answer()
			select {
			case err := <-srv.exited:
				if err != nil {
					t.Fatalf("SIGTERM: %v\n%s", err, srv.log.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("the server did not stop once its job finished:\n%s", srv.log.String())
			}
			if j := w.archiveJob(waited.ID); j.State != models.JobDone || j.Attempts != 1 {
				t.Fatalf("the job waited for: %+v\n%s", j, srv.log.String())
			}
			if src, _ := w.store.GetSource(context.Background(), waited.ID); src.ArchiveStatus != models.ArchiveArchived {
				t.Fatalf("the source waited for: archive %q", src.ArchiveStatus)
			}

			// Past a one-second grace period the server stops without
			// the job, which stays running until its lease runs out.
			site.hang(2)
			args[len(args)-1] = "1s"
			srv = startServer(t, args...)
			left := w.addSource(site, "/left-behind")
			site.waitArrived(t, 2)
			start := time.Now()
			if err := srv.stop(syscall.SIGTERM, 15*time.Second); err != nil {
				t.Fatalf("SIGTERM: %v\n%s", err, srv.log.String())
			}
			if took := time.Since(start); took < time.Second {
				t.Fatalf("stopped after %v, within its grace period, with a job running", took)
			}
			if j := w.archiveJob(left.ID); j.State != models.JobRunning || j.Attempts != 1 {
				t.Fatalf("the job left behind: %+v\n%s", j, srv.log.String())
			}
			site.answer()
			again := startServer(t, args...)
			if j := w.waitArchived(left.ID, srv.log, again.log); j.Attempts != 2 {
				t.Fatalf("finished after %d attempts, want 2", j.Attempts)
			}
			if err := again.stop(syscall.SIGTERM, 30*time.Second); err != nil {
				t.Fatalf("SIGTERM: %v", err)
			}
		})
	}
}
