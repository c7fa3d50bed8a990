package handlers_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
)

// lockedBuffer is a log destination that requests write to at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) lines() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Split(strings.TrimSpace(b.buf.String()), "\n")
}

// Every request gives one JSON line with its id, method, path, status,
// size, duration and client, and the user's id when one is signed in:
// what an operator greps and graphs.
func TestAccessLogLine(t *testing.T) {
	logs := &lockedBuffer{}
	ts := newServer(t, "sqlite", func(cfg *handlers.Config) {
		cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	})
	if r := ts.get(t, ts.client(t), "/people"); r.status != http.StatusOK {
		t.Fatalf("GET /people: %d", r.status)
	}
	c, u := ts.login(t, "logged@example.org", models.RoleEditor)
	if r := ts.get(t, c, "/desk"); r.status != http.StatusOK {
		t.Fatalf("GET /desk: %d", r.status)
	}
	seen := map[string]map[string]any{}
	for _, line := range logs.lines() {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == "request" {
			seen[rec["method"].(string)+" "+rec["path"].(string)] = rec
		}
	}
	for _, want := range []string{"GET /people", "POST /login", "GET /desk"} {
		rec := seen[want]
		if rec == nil {
			t.Fatalf("no access log line for %s in %v", want, logs.lines())
		}
		for _, field := range []string{"time", "level", "request_id", "status", "bytes", "ms", "ip"} {
			if _, ok := rec[field]; !ok {
				t.Errorf("%s: access log line lacks %q: %v", want, field, rec)
			}
		}
		if rec["level"] != "INFO" {
			t.Errorf("%s: level %v", want, rec["level"])
		}
	}
	if got := seen["GET /people"]["status"]; got != float64(http.StatusOK) {
		t.Errorf("GET /people logged status %v", got)
	}
	if _, ok := seen["GET /people"]["user_id"]; ok {
		t.Errorf("an anonymous request logged a user: %v", seen["GET /people"])
	}
	if got := seen["GET /desk"]["user_id"]; got != float64(u.ID) {
		t.Errorf("GET /desk logged user_id %v, want %d", got, u.ID)
	}
}
