package models_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestMigrateFreshDatabaseMatchesModels(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		drift, err := s.SchemaDrift(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(drift) != 0 {
			t.Fatalf("schema differs from models:\n%v", drift)
		}
		// A second run applies nothing.
		n, err := s.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v; want 0, nil", n, err)
		}
		ratings, err := s.Ratings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, r := range ratings {
			slugs = append(slugs, r.Slug)
		}
		want := "[true mostly-true half-true misleading mostly-false false unproven]"
		if fmt.Sprint(slugs) != want {
			t.Fatalf("default scale = %v, want %s", slugs, want)
		}
		if ratings[6].Ordered {
			t.Fatal("unproven must be unordered")
		}
	})
}

func TestSchemaDriftSeesAnExtraColumn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drift.db")
	ctx := context.Background()
	s, err := models.Open(ctx, path, models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec("ALTER TABLE users ADD COLUMN nickname TEXT"); err != nil {
		t.Fatal(err)
	}
	drift, err := s.SchemaDrift(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(drift) != 1 || drift[0] != "users.nickname: column has no model field" {
		t.Fatalf("drift = %v", drift)
	}
}

func TestOpenRefusesBadPaths(t *testing.T) {
	for _, dsn := range []string{"", "x.db?mode=memory", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")} {
		if s, err := models.Open(context.Background(), dsn, models.Config{}); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", dsn)
		}
	}
}

func TestSQLitePragmasOnEveryConnection(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	got, err := s.SQLitePragmas(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("pragma %s = %q, want %q", k, got[k], v)
		}
	}
}

// 32 goroutines × 50 writes on one SQLite file: no "database is locked",
// every row present.
func TestConcurrentWritersSQLite(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	ctx := context.Background()
	const workers, each = 32, 50
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				_, err := s.CreatePerson(ctx, nil, models.Meta{}, models.PersonInput{
					Name: fmt.Sprintf("Speaker %d-%d", w, i), Kind: models.KindPerson,
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	// Readers run at the same time as the writers.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 200 {
			if _, err := s.CountPeople(ctx); err != nil {
				errs <- fmt.Errorf("read: %w", err)
				return
			}
		}
	}()
	wg.Wait()
	<-done
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write failed: %v", err)
	}
	n, err := s.CountPeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != workers*each {
		t.Fatalf("people = %d, want %d", n, workers*each)
	}
	events, err := s.AuditEvents(ctx, models.AuditQuery{Action: "person.create", Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 500 {
		t.Fatalf("audit events = %d, want 500 (the limit)", len(events))
	}
}

func TestBackupCopiesARunningDatabase(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	ctx := context.Background()
	modelstest.User(t, s, "ed@example.org", models.RoleEditor)
	out := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	b, err := models.Open(ctx, out, models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, err := b.CountUsers(ctx); err != nil || n != 1 {
		t.Fatalf("backup users = %d, %v; want 1", n, err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Fatal("backup over an existing file succeeded")
	}
}

func TestAuditEventsAreAppendOnly(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		if n, err := s.CountAuditForTest(ctx); err != nil || n != 1 {
			t.Fatalf("audit events = %d, %v; want 1", n, err)
		}
		for _, q := range []string{"UPDATE audit_events SET action = 'forged'", "DELETE FROM audit_events"} {
			if err := s.ExecForTest(ctx, q); err == nil {
				t.Errorf("%s succeeded", q)
			}
		}
		if n, err := s.CountAuditForTest(ctx); err != nil || n != 1 {
			t.Fatalf("audit events after tampering = %d, %v; want 1", n, err)
		}
	})
}
