package models

import (
	"context"
	"fmt"
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
