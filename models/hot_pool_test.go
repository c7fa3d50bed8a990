package models

import (
	"context"
	"database/sql/driver"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// The hot reads' own SQLite connections: a reader waits for a free one only
// as long as its context allows, gets rows as the driver gives them, and
// fails cleanly once the pool is closed.
func TestHotPoolHonoursTheContextWhenFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hot.db")
	setup, err := openSQLiteHotPool("file:"+path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := setup.query(context.Background(), "CREATE TABLE t (k TEXT, n INTEGER, b BLOB)", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := setup.query(context.Background(), "INSERT INTO t VALUES ('a', 7, x'0102'), ('b', NULL, NULL)", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := setup.close(); err != nil {
		t.Fatal(err)
	}

	p, err := openSQLiteHotPool("file:"+path+"?_query_only=on", 2)
	if err != nil {
		t.Fatal(err)
	}
	read := func(ctx context.Context) (got []string, err error) {
		err = p.query(ctx, "SELECT k, n, b FROM t WHERE k >= ? ORDER BY k", []any{"a"}, func(row []driver.Value) error {
			var k string
			var n int64
			var b []byte
			if err := driverRow(row).Scan(&k, &n, &b); err != nil {
				return err
			}
			got = append(got, k+":"+string(rune('0'+n))+":"+string(rune('0'+len(b))))
			return nil
		})
		return got, err
	}
	got, err := read(context.Background())
	if err != nil || len(got) != 2 || got[0] != "a:7:2" || got[1] != "b:0:0" {
		t.Fatalf("read: %q, %v; want [a:7:2 b:0:0]", got, err)
	}

	// Every connection taken: a reader gives up at its deadline.
	held := []*hotConn{<-p.free, <-p.free}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := read(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("read with every connection taken: %v, want %v", err, context.DeadlineExceeded)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("read with every connection taken waited %v past a 100ms deadline", waited)
	}
	// One comes back: a waiting reader gets it.
	done := make(chan error, 1)
	go func() {
		_, err := read(context.Background())
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	p.free <- held[0]
	if err := <-done; err != nil {
		t.Errorf("read once a connection is free: %v", err)
	}
	p.free <- held[1]

	if err := p.query(context.Background(), "SELECT nope FROM t", nil, nil); err == nil {
		t.Error("a bad statement gave no error")
	}
	if err := p.query(context.Background(), "DELETE FROM t", nil, nil); err == nil {
		t.Error("a write on a query-only connection gave no error")
	}
	if err := p.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := read(context.Background()); !errors.Is(err, errStoreClosed) {
		t.Errorf("read after close: %v, want %v", err, errStoreClosed)
	}
	if err := p.close(); err != nil {
		t.Errorf("second close: %v", err)
	}
}
