package models

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// ExecForTest runs raw SQL on the writer, for tests that tamper on purpose.
func (s *Store) ExecForTest(ctx context.Context, q string, args ...any) error {
	return s.w.WithContext(ctx).Exec(q, args...).Error
}

// CountAuditForTest counts every audit event.
func (s *Store) CountAuditForTest(ctx context.Context) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&AuditEvent{}).Count(&n).Error
	return n, err
}

// SQLitePragmas reads the pragmas of a writer and a reader connection and
// returns them when both agree.
func (s *Store) SQLitePragmas(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	for _, name := range []string{"journal_mode", "foreign_keys", "busy_timeout"} {
		var w, r string
		if err := s.w.WithContext(ctx).Raw("PRAGMA " + name).Scan(&w).Error; err != nil {
			return nil, err
		}
		if err := s.read(ctx).Raw("PRAGMA " + name).Scan(&r).Error; err != nil {
			return nil, err
		}
		if w != r {
			return nil, fmt.Errorf("pragma %s: writer %q, reader %q", name, w, r)
		}
		out[name] = w
	}
	return out, nil
}

// OnHashForTest makes every password hash or check call start while it holds
// its slot, and the function start returns when it ends.
func (s *Store) OnHashForTest(start func() (end func())) { s.hashHook = start }

// HoldHashSlotForTest takes one password-hashing slot until release is called.
func (s *Store) HoldHashSlotForTest(ctx context.Context) (release func(), err error) {
	if err := s.hashers.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { s.hashers.Release(1) }, nil
}

// ThrottleForTest returns the failures and lock of the account key of email
// and of the address key of ip ("" for none).
func (s *Store) ThrottleForTest(ctx context.Context, email, ip string) (map[string]LoginThrottle, error) {
	out := map[string]LoginThrottle{}
	for _, k := range s.loginKeys(NormalizeEmail(email), ip) {
		var rows []LoginThrottle
		if err := s.read(ctx).Where("key = ?", k.key).Find(&rows).Error; err != nil {
			return nil, err
		}
		if len(rows) == 1 {
			out[k.rule.scope] = rows[0]
		}
	}
	return out, nil
}

// LockForTest returns how long an account key with this many failures is
// locked, under the store's rules.
func (s *Store) LockForTest(failures int) time.Duration {
	return s.loginKeys("", "")[0].rule.lockFor(failures)
}

// UniqueViolationForTest runs q on the writer, through gorm when viaGorm
// (which translates driver errors) or else straight on database/sql, and
// reports whether it failed as a unique violation, with the error.
func (s *Store) UniqueViolationForTest(ctx context.Context, viaGorm bool, q string, args ...any) (bool, error) {
	var err error
	if viaGorm {
		err = s.w.WithContext(ctx).Exec(q, args...).Error
	} else {
		db, derr := s.w.DB()
		if derr != nil {
			return false, derr
		}
		_, err = db.ExecContext(ctx, q, args...)
	}
	return isUniqueViolation(err), err
}

// SetBeforeTouchesForTest makes every write transaction call fn just
// before its public changes are numbered.
func (s *Store) SetBeforeTouchesForTest(fn func()) { s.beforeTouches = fn }

// SessionTimeZoneForTest is the TimeZone of a Postgres session of the
// store, as the server reports it.
func (s *Store) SessionTimeZoneForTest(ctx context.Context) (string, error) {
	var tz string
	err := s.read(ctx).Raw("SHOW TimeZone").Scan(&tz).Error
	return tz, err
}

// SetPoolSizeForTest caps the connections of the pool that snapshots and
// reads take theirs from (on Postgres the one pool, which every write
// uses too) at n.
func (s *Store) SetPoolSizeForTest(n int) error {
	db, err := s.r.DB()
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	return nil
}

// PoolWaitsForTest is how many times a query has had to wait for a
// connection of the pool that SetPoolSizeForTest caps.
func (s *Store) PoolWaitsForTest() (int64, error) {
	db, err := s.r.DB()
	if err != nil {
		return 0, err
	}
	return db.Stats().WaitCount, nil
}

// CountWriterQueriesForTest counts, from now on, the queries that read
// rows (SELECT, counts included) on the writer; it returns the count so far.
func (s *Store) CountWriterQueriesForTest() (count func() int64) {
	var n atomic.Int64
	_ = s.w.Callback().Query().Before("gorm:query").Register("test:count_queries", func(*gorm.DB) { n.Add(1) })
	return n.Load
}

// PublicChangeSeqForTest is the public change counter: it moves whenever
// anything public changes.
func (s *Store) PublicChangeSeqForTest(t interface{ Fatal(...any) }) int64 {
	pc, err := s.readPublicChanges(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pc.Seq
}

// CountRowsForTest counts the rows of table.
func (s *Store) CountRowsForTest(t interface{ Fatal(...any) }, table string) int64 {
	var n int64
	if err := s.read(context.Background()).Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// IndexedForTest reports whether the word index and the substring index
// hold claim id (on PostgreSQL: whether claim_search has its row, and
// whether that row holds its folded text).
func (s *Store) IndexedForTest(ctx context.Context, id uint) (words, substring bool, err error) {
	var n int64
	if s.dialect == "postgres" {
		var folded []string
		err = s.w.WithContext(ctx).Raw("SELECT folded FROM claim_search WHERE claim_id = ?", id).Scan(&folded).Error
		return len(folded) == 1, len(folded) == 1 && folded[0] != "", err
	}
	if err = s.w.WithContext(ctx).Raw("SELECT count(*) FROM claims_fts WHERE rowid = ?", id).Scan(&n).Error; err != nil {
		return false, false, err
	}
	words = n == 1
	err = s.w.WithContext(ctx).Raw("SELECT count(*) FROM claims_trgm WHERE rowid = ?", id).Scan(&n).Error
	return words, n == 1, err
}

// CountIndexWritesForTest counts, from now on, the full-text index rows
// that the writer's statements insert, update or delete (SQLite's
// full-text tables, PostgreSQL's claim_search); it returns the count so
// far.
func (s *Store) CountIndexWritesForTest() (count func() int64) {
	var n atomic.Int64
	_ = s.w.Callback().Raw().After("gorm:raw").Register("test:count_index_writes", func(db *gorm.DB) {
		q := db.Statement.SQL.String()
		for _, w := range []string{"INSERT INTO claims_", "DELETE FROM claims_", "INSERT INTO claim_search", "UPDATE claim_search"} {
			if strings.Contains(q, w) {
				n.Add(db.RowsAffected)
				return
			}
		}
	})
	return n.Load
}

// WordCountDriftForTest lists, on SQLite, each word whose count in
// claim_word_counts is not the number of rows of claims_words that hold
// it, as "word: counted n, held by m" (none on PostgreSQL, which keeps no
// counts).
func (s *Store) WordCountDriftForTest(ctx context.Context) ([]string, error) {
	if s.dialect != "sqlite" {
		return nil, nil
	}
	var drift []string
	err := s.w.WithContext(ctx).Connection(func(db *gorm.DB) error {
		if err := db.Exec("CREATE VIRTUAL TABLE temp.held USING fts5vocab(main, claims_words, 'row')").Error; err != nil {
			return err
		}
		defer db.Exec("DROP TABLE temp.held")
		var rows []struct {
			Word          string
			Counted, Held int64
		}
		err := db.Raw(`SELECT h.term AS word, COALESCE(c.claims, 0) AS counted, h.doc AS held FROM temp.held h
				LEFT JOIN claim_word_counts c ON c.word = h.term WHERE c.claims IS NOT h.doc
			UNION ALL SELECT c.word, c.claims, 0 FROM claim_word_counts c WHERE c.word NOT IN (SELECT term FROM temp.held)`).Scan(&rows).Error
		for _, r := range rows {
			drift = append(drift, fmt.Sprintf("%s: counted %d, held by %d", r.Word, r.Counted, r.Held))
		}
		return err
	})
	return drift, err
}
