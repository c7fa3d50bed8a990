package archive_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// page is an archived page with a script that must never run from the
// archive, and text for search.
const page = `<!doctype html><html><head><meta charset="utf-8"><title>Sessions met the ambassador</title>
<script>document.title = "ran"</script></head><body><article><h1>Sessions met the ambassador</h1>
<p>Then-Senator Jeff Sessions spoke twice last year with the Russian ambassador, Justice Department officials said.</p>
<p>One of the meetings was a private conversation in his Senate office in September.</p></article></body></html>`

// fixture is a claim with one source, a local web server and an archiver
// that may fetch from it.
type fixture struct {
	t      *testing.T
	s      *models.Store
	ctx    context.Context
	ed     *models.User
	claim  *models.Claim
	srv    *httptest.Server
	mux    *http.ServeMux
	a      *archive.Archiver
	allow  []netip.Prefix
	fetchs atomic.Int32
}

func newFixture(t *testing.T, s *models.Store, cfg fetcher.Config) *fixture {
	t.Helper()
	f := &fixture{t: t, s: s, ctx: context.Background(), mux: http.NewServeMux()}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.fetchs.Add(1)
		f.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(f.srv.Close)
	if cfg.Allow == nil {
		cfg.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	}
	f.a = &archive.Archiver{Store: s, Fetcher: fetcher.New(cfg)}
	f.ed = modelstest.User(t, s, "ed@example.org", models.RoleEditor)
	c, err := s.CreateClaim(f.ctx, f.ed, models.Meta{}, models.ClaimInput{
		Text: "I did not have communications with the Russians", Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", Setting: "Senate confirmation hearing, under oath",
	})
	if err != nil {
		t.Fatal(err)
	}
	f.claim = c
	return f
}

// source adds a source whose URL is path on the local server.
func (f *fixture) source(path string) *models.Source {
	f.t.Helper()
	src, err := f.s.AddSource(f.ctx, f.ed, models.Meta{}, f.claim.ID, models.SourceInput{
		URL: f.srv.URL + path, Title: "Sessions spoke twice with Russian ambassador", Outlet: "The Washington Post",
		PublishedAt: "2017-03-01", Kind: models.SourceNewsReport, Stance: models.StanceContradicts,
	})
	if err != nil {
		f.t.Fatal(err)
	}
	if src.ArchiveStatus != "" && src.ArchiveStatus != models.ArchiveQueued {
		f.t.Fatalf("a new source's archive is %q", src.ArchiveStatus)
	}
	return src
}

// run runs the archive job of src as attempt n of 5.
func (f *fixture) run(src *models.Source, n int) error {
	j := &models.Job{ID: 1, Kind: models.JobArchiveSource, Payload: fmt.Sprintf(`{"source_id":%d}`, src.ID), Attempts: n, MaxAttempts: 5}
	return f.a.Run(f.ctx, j)
}

func (f *fixture) reload(src *models.Source) *models.Source {
	f.t.Helper()
	got, err := f.s.GetSource(f.ctx, src.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return got
}

// A source's page is kept as served, named by the SHA-256 of its bytes,
// with where it was found after redirects and its main text.
func TestSourcePageIsArchivedByItsHash(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		f := newFixture(t, s, fetcher.Config{})
		f.mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
		})
		f.mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		})
		src := f.source("/old")
		if err := f.run(src, 1); err != nil {
			t.Fatal(err)
		}
		got := f.reload(src)
		snap := got.ArchiveSnapshot
		if got.ArchiveStatus != models.ArchiveArchived || got.ArchiveError != "" || snap == nil {
			t.Fatalf("archive %q %q %+v", got.ArchiveStatus, got.ArchiveError, snap)
		}
		if snap.SHA256 != models.SHA256Hex([]byte(page)) || snap.Size != int64(len(page)) || snap.FinalURL != f.srv.URL+"/story" ||
			snap.URL != f.srv.URL+"/old" || snap.HTTPStatus != 200 || snap.ContentType != "text/html; charset=utf-8" || snap.FetchedAt.IsZero() {
			t.Fatalf("snapshot %+v", snap)
		}
		body, err := s.Blobs().Get(f.ctx, snap.SHA256)
		if err != nil || !bytes.Equal(body, []byte(page)) {
			t.Fatalf("kept bytes %q, %v", body, err)
		}
		cp, err := s.ArchivedCopyBySHA(f.ctx, snap.SHA256)
		if err != nil || cp.Public || cp.OriginalURL != src.URL || cp.ContentType != snap.ContentType {
			t.Fatalf("a draft's archived copy: %+v, %v", cp, err)
		}
		// Archiving again keeps the bytes once and a second snapshot.
		if err := f.run(src, 1); err != nil {
			t.Fatal(err)
		}
		if again := f.reload(src).ArchiveSnapshot; again == nil || again.ID == snap.ID || again.SHA256 != snap.SHA256 {
			t.Fatalf("second snapshot %+v", again)
		}
	})
}

// The archiver obeys the fetcher's rules: a redirect into a link-local or
// loopback address is refused unless allowed, and the refusal is recorded
// once, with no retry.
func TestArchiveRefusesPrivateAddresses(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		f := newFixture(t, s, fetcher.Config{})
		f.mux.HandleFunc("/metadata", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		})
		src := f.source("/metadata")
		if err := f.run(src, 1); err != nil {
			t.Fatalf("a refusal is final, not retried: %v", err)
		}
		got := f.reload(src)
		if got.ArchiveStatus != models.ArchiveRefused || !strings.Contains(got.ArchiveError, "169.254.169.254") || got.ArchiveSnapshot != nil {
			t.Fatalf("archive %q %q", got.ArchiveStatus, got.ArchiveError)
		}
		// Without --fetch-allow, the loopback test server itself is refused.
		strict := &archive.Archiver{Store: s, Fetcher: fetcher.New(fetcher.Config{})}
		f.mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
		other := f.source("/story")
		before := f.fetchs.Load()
		j := &models.Job{Kind: models.JobArchiveSource, Payload: fmt.Sprintf(`{"source_id":%d}`, other.ID), Attempts: 1, MaxAttempts: 5}
		if err := strict.Run(f.ctx, j); err != nil {
			t.Fatal(err)
		}
		if got := f.reload(other); got.ArchiveStatus != models.ArchiveRefused || !strings.Contains(got.ArchiveError, "127.0.0.1") {
			t.Fatalf("loopback: %q %q", got.ArchiveStatus, got.ArchiveError)
		}
		if f.fetchs.Load() != before {
			t.Fatal("the refused address was connected to")
		}
	})
}

// Too large, too slow, a type that is not kept, a page that is gone, a
// server error: each is recorded with its reason; only what may pass is
// tried again, and the last attempt is final.
func TestArchiveFailuresAreRecorded(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		f := newFixture(t, s, fetcher.Config{MaxBytes: 64 << 10, Timeout: 300 * time.Millisecond})
		f.mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(bytes.Repeat([]byte("%PDF-1.7 "), 10<<10))
		})
		f.mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("starts"))
			w.(http.Flusher).Flush()
			time.Sleep(time.Second)
		})
		f.mux.HandleFunc("/setup.exe", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/x-msdownload")
			w.Write([]byte("MZ\x90\x00"))
		})
		f.mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
		f.mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
		cases := []struct {
			path   string
			status models.ArchiveStatus
			retry  bool
			reason string
		}{
			{"/big", models.ArchiveRefused, false, "larger"},
			{"/setup.exe", models.ArchiveRefused, false, "application/x-msdownload"},
			{"/gone", models.ArchiveFailed, false, "410"},
			{"/slow", models.ArchiveQueued, true, "within"},
			{"/down", models.ArchiveQueued, true, "503"},
		}
		for _, c := range cases {
			src := f.source(c.path)
			err := f.run(src, 1)
			if retry := errors.Is(err, archive.ErrRetry); retry != c.retry || (!c.retry && err != nil) {
				t.Errorf("%s: %v, retry %v", c.path, err, c.retry)
			}
			got := f.reload(src)
			if got.ArchiveStatus != c.status || !strings.Contains(got.ArchiveError, c.reason) || got.ArchiveSnapshot != nil {
				t.Errorf("%s: archive %q %q, want %q with %q", c.path, got.ArchiveStatus, got.ArchiveError, c.status, c.reason)
			}
			if c.retry {
				if err := f.run(src, 5); !errors.Is(err, archive.ErrRetry) {
					t.Errorf("%s: last attempt: %v", c.path, err)
				}
				if got := f.reload(src); got.ArchiveStatus != models.ArchiveFailed {
					t.Errorf("%s: after the last attempt %q", c.path, got.ArchiveStatus)
				}
			}
		}
	})
}

// An editor who changes a source's URL while its old page is being fetched
// gets the new page archived, never the old one under the new URL.
func TestArchiveFollowsAURLChangedMeanwhile(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		f := newFixture(t, s, fetcher.Config{})
		var src *models.Source
		f.mux.HandleFunc("/first", func(w http.ResponseWriter, r *http.Request) {
			in := models.SourceInput{URL: f.srv.URL + "/second", Title: src.Title, Outlet: src.Outlet, PublishedAt: "2017-03-01",
				Kind: src.Kind, Stance: src.Stance, Revision: src.Revision}
			if _, err := s.UpdateSource(f.ctx, f.ed, models.Meta{}, src.ID, in); err != nil {
				t.Error(err)
			}
			fmt.Fprint(w, "the first page")
		})
		f.mux.HandleFunc("/second", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the second page") })
		src = f.source("/first")
		if err := f.run(src, 1); err != nil {
			t.Fatal(err)
		}
		got := f.reload(src)
		if got.ArchiveSnapshot == nil || got.ArchiveSnapshot.SHA256 != models.SHA256Hex([]byte("the second page")) || got.ArchiveSnapshot.URL != got.URL {
			t.Fatalf("archived %+v for %s", got.ArchiveSnapshot, got.URL)
		}
	})
}
