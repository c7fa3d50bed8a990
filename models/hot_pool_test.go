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

// A panic in the row callback while a hot connection is held must
// not wedge the pool.
func TestHotPoolSurvivesAPanicInTheRowCallback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hot.db")
	p, err := openSQLiteHotPool("file:"+path, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	for i := range 3 {
		func() {
			defer func() { _ = recover() }()
			_ = p.query(context.Background(), "SELECT 1 UNION ALL SELECT 2", nil, func(row []driver.Value) error {
				panic("boom")
			})
		}()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		n := 0
		err := p.query(ctx, "SELECT 1 UNION ALL SELECT 2", nil, func(row []driver.Value) error { n++; return nil })
		cancel()
		if err != nil || n != 2 {
			t.Fatalf("round %d after a panic: n=%d err=%v", i, n, err)
		}
	}
}

// A statement abandoned mid-rows (callback error after the first
// row) must not leave a read transaction open on the hot connection: a
// later read must see a later commit.
func TestHotPoolLeavesNoSnapshotOpenAfterAnEarlyReturn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hot.db")
	w, err := openSQLiteHotPool("file:"+path+"?_journal_mode=WAL", 1)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.query(context.Background(), "CREATE TABLE t (n INTEGER)", nil, nil))
	must(w.query(context.Background(), "INSERT INTO t VALUES (1), (2), (3)", nil, nil))
	r, err := openSQLiteHotPool("file:"+path+"?_journal_mode=WAL&_query_only=on", 1)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	stop := errStoreClosed // any error
	_ = r.query(context.Background(), "SELECT n FROM t", nil, func(row []driver.Value) error { return stop })
	must(w.query(context.Background(), "INSERT INTO t VALUES (4)", nil, nil))
	var cnt int64
	must(r.query(context.Background(), "SELECT count(*) FROM t", nil, func(row []driver.Value) error {
		return driverRow(row).Scan(&cnt)
	}))
	if cnt != 4 {
		t.Fatalf("hot read after a commit sees %d rows, want 4 (stale snapshot)", cnt)
	}
}

// A Store's hot read connections are hotPoolSize, each with a page cache
// of hotCacheKiB, so that the indexes these reads walk stay in memory.
func TestHotReadConnectionsKeepTheirOwnCache(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "hot.db"), Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := s.hotPool
	if p == nil || p.n != hotPoolSize {
		t.Fatalf("hot pool %+v, want %d connections", p, hotPoolSize)
	}
	var conns []*hotConn
	for range p.n {
		conns = append(conns, <-p.free)
	}
	for i, hc := range conns {
		p.free <- hc // the only free one: the next read takes it
		var kib int64
		err := p.query(context.Background(), "PRAGMA cache_size", nil, func(row []driver.Value) error {
			return driverRow(row).Scan(&kib)
		})
		if err != nil || kib != -hotCacheKiB {
			t.Errorf("connection %d: cache_size %d, %v; want %d", i, kib, err, -hotCacheKiB)
		}
		<-p.free
	}
	for _, hc := range conns {
		p.free <- hc
	}
}
