package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestHealthzWritesAHeartbeat: a healthy database answers {"status":"ok"}
// after this instance wrote its heartbeat, which checks within the same
// second do not write again.
func TestHealthzWritesAHeartbeat(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			c := ts.client(t)
			ctx := context.Background()
			beats := func() []models.Heartbeat {
				t.Helper()
				hb, err := ts.store.Heartbeats(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return hb
			}
			if hb := beats(); len(hb) != 0 {
				t.Fatalf("heartbeats before any check: %+v", hb)
			}
			r := ts.get(t, c, "/healthz")
			if r.status != http.StatusOK || r.body != `{"status":"ok"}`+"\n" {
				t.Fatalf("healthz: %d %q", r.status, r.body)
			}
			first := beats()
			if len(first) != 1 {
				t.Fatalf("heartbeats after a check: %+v", first)
			}
			for range 5 {
				if r := ts.get(t, c, "/healthz"); r.status != http.StatusOK {
					t.Fatalf("healthz again: %d", r.status)
				}
			}
			if again := beats(); len(again) != 1 || !again[0].BeatAt.Equal(first[0].BeatAt) {
				t.Errorf("checks within a second wrote again: %v then %v", first[0].BeatAt, again)
			}
			time.Sleep(models.HeartbeatEvery + 50*time.Millisecond)
			ts.get(t, c, "/healthz")
			if later := beats(); len(later) != 1 || !later[0].BeatAt.After(first[0].BeatAt) {
				t.Errorf("a check after a second did not write: %v then %v", first[0].BeatAt, later)
			}
		})
	}
}

// TestHealthzSaysWhenWritesFail is the regression test for /healthz saying
// ok while every write failed: on a database that answers reads but refuses
// writes for real (a read-only SQLite file; a Postgres role whose
// transactions are read-only, as on a standby), the public pages still
// read, and /healthz answers 503 with the reason.
func TestHealthzSaysWhenWritesFail(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServerOn(t, modelstest.ReadOnlyStore(t, engine, models.Config{}))
			c := ts.client(t)
			if r := ts.get(t, c, "/"); r.status != http.StatusOK {
				t.Fatalf("home page on a read-only database: %d", r.status)
			}
			r := ts.get(t, c, "/healthz")
			var got struct{ Status, Reason string }
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"sqlite": "attempt to write a readonly database", "postgres": "read-only transaction"}[engine]
			if r.status != http.StatusServiceUnavailable || got.Status != "unavailable" ||
				!strings.HasPrefix(got.Reason, "the database does not accept writes: ") || !strings.Contains(got.Reason, want) {
				t.Fatalf("healthz on a read-only database: %d %s, want 503 unavailable with a reason naming %q", r.status, r.body, want)
			}
			if cc := r.header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
		})
	}
}

// TestHealthzOnAFullDisk is the finding itself: a SQLite database on a disk
// that fills up while the server runs. /healthz turns to 503 with the
// reason within a second. It needs root to mount a small disk, and is
// skipped otherwise (TestHealthzSaysWhenWritesFail covers every runner).
func TestHealthzOnAFullDisk(t *testing.T) {
	dir := modelstest.TinyDisk(t, 2<<20)
	ctx := context.Background()
	s, err := models.Open(ctx, filepath.Join(dir, "ct.db"), models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ts := newServerOn(t, s)
	c := ts.client(t)
	if r := ts.get(t, c, "/healthz"); r.status != http.StatusOK {
		t.Fatalf("healthz before the disk fills: %d %s", r.status, r.body)
	}
	modelstest.Fill(t, dir)
	time.Sleep(models.HeartbeatEvery)
	r := ts.get(t, c, "/healthz")
	if want := `{"status":"unavailable","reason":"the database does not accept writes: database or disk is full"}` + "\n"; r.status != http.StatusServiceUnavailable || r.body != want {
		t.Fatalf("healthz on a full disk: %d %q, want 503 %q", r.status, r.body, want)
	}
}
