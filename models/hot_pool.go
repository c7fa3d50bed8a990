package models

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// sqliteHotPool is a few read-only SQLite connections of their own for the
// hot reads (see hot_reads.go), used through the driver directly.
//
// Through database/sql, every query with a request's context starts a
// goroutine that watches the context, and the driver registers a callback
// to interrupt the statement; for a lookup of one indexed row that
// costs as much as the lookup. Here a reader waits for a free connection as
// long as its context allows, and the statement then runs to its end
// without watching the context: it reads one or two rows by index, which
// takes microseconds, and never waits for a lock (readers of a WAL
// database do not). Because the connections are the hot reads' alone, a
// reader never queues behind the snapshots that hold the general read pool.
//
// With gen set (the Store's snapshotEpoch), each connection also keeps
// its read transaction open from one read to the next, for as long as
// gen returns what it did when the transaction began, and at most
// snapshotMaxAge: beginning and ending a WAL read transaction takes and
// releases a lock in the shared-memory index, two system calls that on a
// virtual machine cost as much as the rest of such a read. A read still
// sees every commit of this Store, and every commit of another process
// that the generation it was made at counts, as a fresh read would (see
// Store.Generation); what it may miss, for at most snapshotMaxAge, is
// another process's commit that no generation counts yet (a render it
// stored, or a change the watcher has not seen).
type sqliteHotPool struct {
	free chan *hotConn
	// done is closed when the pool closes; closeOnce guards it.
	done      chan struct{}
	closeOnce sync.Once
	n         int
	// gen, when not nil, lets connections keep their read transactions
	// (see above); the janitor goroutine ends those left idle.
	gen     func() uint64
	janitor sync.WaitGroup
}

// hotConn is one connection and the statements prepared on it, by query.
type hotConn struct {
	conn  *sqlite3.SQLiteConn
	stmts map[string]driver.Stmt
	// open tells that the connection holds a read transaction, begun at
	// began when the generation was gen.
	open  bool
	gen   uint64
	began time.Time
}

// snapshotMaxAge is how long a hot connection keeps one read
// transaction: long enough that thousands of reads share it under load,
// short enough that no checkpoint waits on it for long.
const snapshotMaxAge = 100 * time.Millisecond

// hotPoolSize is how many connections the hot reads have, and
// hotCacheKiB the page cache of each (SQLite's cache_size, negated): a
// read holds a connection for tens of microseconds, so two are rarely
// both busy, and each then sees half the reads, which keeps more of the
// indexes it walks in its cache than four connections with half the
// cache each (2.5 reads of a page from the file per uniformly random claim
// page instead of 3, in the same memory).
const (
	hotPoolSize = 2
	hotCacheKiB = 4000
)

// openSQLiteHotPool opens n connections with dsn, a mattn/go-sqlite3 DSN.
// With gen not nil, the connections keep their read transactions while
// gen returns the same number (see sqliteHotPool); they must then be
// read-only.
func openSQLiteHotPool(dsn string, n int, gen func() uint64) (*sqliteHotPool, error) {
	p := &sqliteHotPool{free: make(chan *hotConn, n), done: make(chan struct{}), n: n, gen: gen}
	d := &sqlite3.SQLiteDriver{}
	for range n {
		c, err := d.Open(dsn)
		if err != nil {
			p.closeConns(len(p.free))
			return nil, fmt.Errorf("open hot read connection: %w", err)
		}
		p.free <- &hotConn{conn: c.(*sqlite3.SQLiteConn), stmts: map[string]driver.Stmt{}}
	}
	if gen != nil {
		p.janitor.Add(1)
		go p.endIdleSnapshots()
	}
	return p, nil
}

// snapshot makes hc's read transaction one that a read may use now: it
// ends one begun at another generation or too long ago, and begins a new
// one (which takes its snapshot at its first read). Without gen it does
// nothing: each statement is its own transaction.
func (p *sqliteHotPool) snapshot(hc *hotConn) error {
	if p.gen == nil {
		return nil
	}
	g := p.gen()
	now := time.Now()
	if hc.open && (hc.gen != g || now.Sub(hc.began) > snapshotMaxAge) {
		if err := hc.end(); err != nil {
			return err
		}
	}
	if !hc.open {
		if _, err := hc.conn.Exec("BEGIN", nil); err != nil {
			return fmt.Errorf("begin hot read: %w", err)
		}
		hc.open, hc.gen, hc.began = true, g, now
	}
	return nil
}

// end ends hc's read transaction, if it has one.
func (hc *hotConn) end() error {
	if !hc.open {
		return nil
	}
	hc.open = false
	if _, err := hc.conn.Exec("ROLLBACK", nil); err != nil {
		return fmt.Errorf("end hot read: %w", err)
	}
	return nil
}

// endIdleSnapshots ends, every snapshotMaxAge, the read transactions of
// free connections begun longer ago than that, so that a quiet server
// holds no snapshot back from a checkpoint; it returns when the pool
// closes.
func (p *sqliteHotPool) endIdleSnapshots() {
	defer p.janitor.Done()
	t := time.NewTicker(snapshotMaxAge)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
		}
		for range p.n {
			select {
			case hc := <-p.free:
				if hc.open && time.Since(hc.began) > snapshotMaxAge {
					_ = hc.end() // a failure shows again, and is returned, at the next read
				}
				p.free <- hc
			default:
			}
		}
	}
}

// query runs query, with ? placeholders and args, and calls each for
// every row with the row's values as the driver gives them (int64,
// float64, string, []byte of its own, or nil). It waits for a connection
// until ctx ends (then ctx.Err()); errStoreClosed once the pool is closed.
func (p *sqliteHotPool) query(ctx context.Context, query string, args []any, each func(row []driver.Value) error) error {
	var hc *hotConn
	select {
	case hc = <-p.free:
	default:
		select {
		case hc = <-p.free:
		case <-ctx.Done():
			return ctx.Err()
		case <-p.done:
			return errStoreClosed
		}
	}
	failed := true
	defer func() {
		if failed {
			// Whatever the failure, the next read begins afresh.
			_ = hc.end()
		}
		p.free <- hc
	}()
	select {
	case <-p.done:
		return errStoreClosed
	default:
	}
	if err := p.snapshot(hc); err != nil {
		return err
	}
	st := hc.stmts[query]
	if st == nil {
		var err error
		if st, err = hc.conn.Prepare(query); err != nil {
			return fmt.Errorf("prepare %q: %w", query, err)
		}
		hc.stmts[query] = st
	}
	vals := make([]driver.Value, len(args))
	for i, a := range args {
		vals[i] = a
	}
	// The context-free (deprecated) Query is the point: see sqliteHotPool.
	rows, err := st.Query(vals)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := make([]driver.Value, len(rows.Columns()))
	for {
		err := rows.Next(row)
		if errors.Is(err, io.EOF) {
			if err := rows.Close(); err != nil {
				return err
			}
			failed = false
			return nil
		}
		if err != nil {
			return err
		}
		if err := each(row); err != nil {
			return err
		}
	}
}

// close waits for every connection to be free and closes it; queries
// after it fail with errStoreClosed.
func (p *sqliteHotPool) close() error {
	var err error
	p.closeOnce.Do(func() {
		close(p.done)
		p.janitor.Wait()
		err = p.closeConns(p.n)
	})
	return err
}

// closeConns takes n connections as they come free and closes them.
func (p *sqliteHotPool) closeConns(n int) error {
	var errs []error
	for range n {
		hc := <-p.free
		errs = append(errs, hc.end())
		for _, st := range hc.stmts {
			errs = append(errs, st.Close())
		}
		errs = append(errs, hc.conn.Close())
	}
	return errors.Join(errs...)
}
