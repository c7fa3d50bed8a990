package models

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// QueryPlan is a statement a store read ran, with its plan: SQLite's
// EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN (ANALYZE) lines.
type QueryPlan struct {
	SQL   string
	Lines []string
}

// String is the statement and its plan, one step a line.
func (p QueryPlan) String() string { return p.SQL + "\n  " + strings.Join(p.Lines, "\n  ") }

// QueryPlansForTest runs fn, whose store reads go through ctx, and
// returns the plan of each SELECT statement they ran, in order.
func (s *Store) QueryPlansForTest(ctx context.Context, fn func(ctx context.Context) error) ([]QueryPlan, error) {
	c := &sqlCapture{Interface: logger.Discard}
	db := s.r.Session(&gorm.Session{Logger: c, NewDB: true})
	if err := fn(context.WithValue(ctx, snapshotKey{}, db)); err != nil {
		return nil, err
	}
	var plans []QueryPlan
	for _, q := range c.statements() {
		if !strings.HasPrefix(strings.TrimSpace(q), "SELECT") {
			continue
		}
		p := QueryPlan{SQL: q}
		explain := "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
		if s.dialect == "sqlite" {
			explain = "EXPLAIN QUERY PLAN "
		}
		rows, err := s.r.WithContext(ctx).Raw(explain + q).Rows()
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			if err := rows.Scan(vals...); err != nil {
				_ = rows.Close()
				return nil, err
			}
			switch v := (*vals[len(vals)-1].(*any)).(type) {
			case string:
				p.Lines = append(p.Lines, v)
			case []byte:
				p.Lines = append(p.Lines, string(v))
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// sqlCapture is a gorm logger that keeps each statement run, with its
// values written in.
type sqlCapture struct {
	logger.Interface
	mu  sync.Mutex
	sql []string
}

func (c *sqlCapture) LogMode(logger.LogLevel) logger.Interface { return c }

func (c *sqlCapture) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	q, _ := fc()
	c.mu.Lock()
	c.sql = append(c.sql, q)
	c.mu.Unlock()
}

func (c *sqlCapture) statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sql...)
}
