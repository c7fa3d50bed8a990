package handlers_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Every request gives one JSON line with its id, method, path, status,
// size, duration and client, and the user's id when one is signed in:
// what an operator greps and graphs.
func TestAccessLogLine(t *testing.T) {
	logs := &modelstest.SyncBuffer{}
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
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	for _, line := range lines {
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
			t.Fatalf("no access log line for %s in %v", want, lines)
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
