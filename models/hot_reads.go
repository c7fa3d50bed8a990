package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"claimtracker/migrations"
)

// The few reads that every public request may make (a claim page's
// version, a stored render) go around gorm when they run outside a
// snapshot: through statements prepared once on the read pool and scanned
// without reflection, they cost a fraction of a gorm query. Inside a
// snapshot they run on its transaction like any other read.

// hotStatements holds the statements prepared on the read pool, by query.
type hotStatements struct {
	mu     sync.RWMutex
	stmts  map[string]*sql.Stmt
	closed bool
}

// scanRow runs query, as queryRows does, and scans its first row into
// dest. No row is sql.ErrNoRows.
func (s *Store) scanRow(ctx context.Context, query string, args []any, dest ...any) error {
	rows, err := s.queryRows(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// queryRows runs query, written with ? placeholders, and returns its rows,
// which the caller closes: on ctx's snapshot when it has one, else on a
// statement prepared once on the read pool.
func (s *Store) queryRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if inSnapshot(ctx) {
		return s.read(ctx).Raw(query, args...).Rows()
	}
	stmt, err := s.hot.prepare(ctx, s, query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
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
