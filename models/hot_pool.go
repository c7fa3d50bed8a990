package models

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"

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
type sqliteHotPool struct {
	free chan *hotConn
	// done is closed when the pool closes; closeOnce guards it.
	done      chan struct{}
	closeOnce sync.Once
	n         int
}

// hotConn is one connection and the statements prepared on it, by query.
type hotConn struct {
	conn  *sqlite3.SQLiteConn
	stmts map[string]driver.Stmt
}

// hotPoolSize is how many connections the hot reads have, and
// hotCacheKiB the page cache of each (SQLite's cache_size, negated): a
// read holds a connection for tens of microseconds, so two are rarely
// both busy, and each then sees half the reads, which keeps more of the
// indexes it walks in its cache than four connections with half the
// cache each would, in the same memory, and so reads fewer pages from the
// file.
const (
	hotPoolSize = 2
	hotCacheKiB = 4000
)

// openSQLiteHotPool opens n connections with dsn, a mattn/go-sqlite3 DSN.
func openSQLiteHotPool(dsn string, n int) (*sqliteHotPool, error) {
	p := &sqliteHotPool{free: make(chan *hotConn, n), done: make(chan struct{}), n: n}
	d := &sqlite3.SQLiteDriver{}
	for range n {
		c, err := d.Open(dsn)
		if err != nil {
			p.closeConns(len(p.free))
			return nil, fmt.Errorf("open hot read connection: %w", err)
		}
		p.free <- &hotConn{conn: c.(*sqlite3.SQLiteConn), stmts: map[string]driver.Stmt{}}
	}
	return p, nil
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
	defer func() { p.free <- hc }()
	select {
	case <-p.done:
		return errStoreClosed
	default:
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
			return rows.Close()
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
		err = p.closeConns(p.n)
	})
	return err
}

// closeConns takes n connections as they come free and closes them.
func (p *sqliteHotPool) closeConns(n int) error {
	var errs []error
	for range n {
		hc := <-p.free
		for _, st := range hc.stmts {
			errs = append(errs, st.Close())
		}
		errs = append(errs, hc.conn.Close())
	}
	return errors.Join(errs...)
}
