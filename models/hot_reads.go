package models

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"

	"claimtracker/migrations"
)

// The few reads that every public request may make (a claim page's
// version, a stored render) go around gorm when they run outside a
// snapshot: on SQLite through connections of their own (sqliteHotPool),
// on Postgres through statements prepared once on the pool, and scanned
// without reflection, they cost a fraction of a gorm query. Inside a
// snapshot they run on its transaction like any other read.

// hotStatements holds the statements prepared on the read pool, by query
// (Postgres; SQLite's hot reads have connections of their own).
type hotStatements struct {
	mu     sync.RWMutex
	stmts  map[string]*sql.Stmt
	closed bool
}

// rowScanner is one row of a hot read: Scan copies its columns into dest,
// as database/sql's Rows.Scan does.
type rowScanner interface{ Scan(dest ...any) error }

// scanRow runs query, as eachRow does, and scans its first row into dest.
// No row is sql.ErrNoRows.
func (s *Store) scanRow(ctx context.Context, query string, args []any, dest ...any) error {
	found := false
	err := s.eachRow(ctx, query, args, func(r rowScanner) error {
		if found {
			return nil
		}
		found = true
		return r.Scan(dest...)
	})
	if err == nil && !found {
		return sql.ErrNoRows
	}
	return err
}

// eachRow runs query, written with ? placeholders, and calls each for
// every row: on ctx's snapshot when it has one; else on SQLite through
// the hot reads' own connections (see sqliteHotPool), and on Postgres
// through a statement prepared once on the pool.
func (s *Store) eachRow(ctx context.Context, query string, args []any, each func(rowScanner) error) error {
	var rows *sql.Rows
	var err error
	switch {
	case inSnapshot(ctx):
		rows, err = s.read(ctx).Raw(query, args...).Rows()
	case s.hotPool != nil:
		return s.hotPool.query(ctx, query, args, func(row []driver.Value) error {
			return each(driverRow(row))
		})
	default:
		var stmt *sql.Stmt
		if stmt, err = s.hot.prepare(ctx, s, query); err == nil {
			rows, err = stmt.QueryContext(ctx, args...)
		}
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// driverRow is a row as the SQLite driver gives it.
type driverRow []driver.Value

// Scan copies the row into dest, which are pointers to the few types the
// hot reads ask for: int, int64, uint, string or []byte; NULL leaves
// the zero value.
func (r driverRow) Scan(dest ...any) error {
	if len(dest) != len(r) {
		return fmt.Errorf("scan: %d columns into %d destinations", len(r), len(dest))
	}
	for i, v := range r {
		if err := scanValue(dest[i], v); err != nil {
			return fmt.Errorf("scan column %d: %w", i, err)
		}
	}
	return nil
}

func scanValue(dest any, v driver.Value) error {
	switch d := dest.(type) {
	case *int64:
		n, ok := v.(int64)
		if v != nil && !ok {
			return fmt.Errorf("%T into *int64", v)
		}
		*d = n
	case *int:
		var n int64
		if err := scanValue(&n, v); err != nil {
			return err
		}
		*d = int(n)
	case *uint:
		var n int64
		if err := scanValue(&n, v); err != nil {
			return err
		}
		if n < 0 {
			return fmt.Errorf("%d into *uint", n)
		}
		*d = uint(n)
	case *string:
		switch x := v.(type) {
		case nil:
			*d = ""
		case string:
			*d = x
		case []byte:
			*d = string(x)
		default:
			return fmt.Errorf("%T into *string", v)
		}
	case *[]byte:
		switch x := v.(type) {
		case nil:
			*d = nil
		case []byte:
			*d = x // the driver's own copy
		case string:
			*d = []byte(x)
		default:
			return fmt.Errorf("%T into *[]byte", v)
		}
	default:
		return fmt.Errorf("unsupported destination %T", dest)
	}
	return nil
}

// prepare returns the read pool's statement for query, preparing it the
// first time. The lookup shares the lock; a prepare, which may wait for a
// connection, runs outside it, and of two racing prepares the first kept
// wins.
func (h *hotStatements) prepare(ctx context.Context, s *Store, query string) (*sql.Stmt, error) {
	h.mu.RLock()
	st, closed := h.stmts[query], h.closed
	h.mu.RUnlock()
	if st != nil {
		return st, nil
	}
	if closed {
		return nil, errStoreClosed
	}
	db, err := s.r.DB()
	if err != nil {
		return nil, err
	}
	q := query
	if s.dialect == migrations.Postgres {
		q = dollarPlaceholders(query)
	}
	st, err = db.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", query, err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		_ = st.Close()
		return nil, errStoreClosed
	}
	if kept := h.stmts[query]; kept != nil {
		_ = st.Close()
		return kept, nil
	}
	if h.stmts == nil {
		h.stmts = map[string]*sql.Stmt{}
	}
	h.stmts[query] = st
	return st, nil
}

// errStoreClosed is the error of a read on a closed Store.
var errStoreClosed = errors.New("the store is closed")

// close closes every prepared statement; none is prepared after it.
func (h *hotStatements) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, st := range h.stmts {
		_ = st.Close()
	}
	h.stmts, h.closed = nil, true
}

// dollarPlaceholders turns the ? placeholders of query into Postgres's
// $1, $2, …; the queries given to row have no ? inside literals.
func dollarPlaceholders(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
