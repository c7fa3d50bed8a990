package migrations

import (
	"context"
	"database/sql"
)

// ApplyUpToForTest applies the migrations up to and including version.
func ApplyUpToForTest(ctx context.Context, db *sql.DB, d Dialect, version int64) error {
	p, err := provider(db, d)
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}

// DownToForTest rolls the migrations after version back, newest first.
func DownToForTest(ctx context.Context, db *sql.DB, d Dialect, version int64) error {
	p, err := provider(db, d)
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
