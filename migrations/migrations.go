// Package migrations holds the numbered SQL migrations for each database
// engine, embedded in the binary, and applies them in order.
package migrations

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed sqlite/*.sql postgres/*.sql
var files embed.FS

// Dialect names a supported database engine.
type Dialect string

// The supported engines; each has its own folder of migrations.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// VersionTable is the table that records which migrations have been applied.
const VersionTable = "schema_migrations"

// Result is one migration that Apply ran.
type Result struct {
	Version int64
	Name    string
}

// Apply runs every migration the database has not seen yet, in order, each in
// its own transaction, and returns the ones it ran. On Postgres it holds an
// advisory lock so that instances starting together do not race.
func Apply(ctx context.Context, db *sql.DB, d Dialect) ([]Result, error) {
	p, err := provider(db, d)
	if err != nil {
		return nil, err
	}
	res, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate %s: %w", d, err)
	}
	out := make([]Result, 0, len(res))
	for _, r := range res {
		out = append(out, Result{Version: r.Source.Version, Name: r.Source.Path})
	}
	return out, nil
}

// Fingerprint identifies d's migrations: a hex SHA-256 of their names and
// contents, 64 characters. Two builds with the same fingerprint make the
// same schema, so a database migrated by one may stand for the other's
// (test suites keep a migrated copy to clone, named by it).
func Fingerprint(d Dialect) string {
	h := sha256.New()
	names, _ := fs.Glob(files, string(d)+"/*.sql")
	for _, name := range names {
		body, _ := files.ReadFile(name)
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(body))
		h.Write(body)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Pending reports how many migrations the database has not applied yet.
func Pending(ctx context.Context, db *sql.DB, d Dialect) (int, error) {
	p, err := provider(db, d)
	if err != nil {
		return 0, err
	}
	status, err := p.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("migration status: %w", err)
	}
	n := 0
	for _, s := range status {
		if s.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}

func provider(db *sql.DB, d Dialect) (*goose.Provider, error) {
	var gd goose.Dialect
	opts := []goose.ProviderOption{goose.WithTableName(VersionTable), goose.WithDisableGlobalRegistry(true)}
	switch d {
	case SQLite:
		gd = goose.DialectSQLite3
	case Postgres:
		gd = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, fmt.Errorf("migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	default:
		return nil, fmt.Errorf("unknown database dialect %q", d)
	}
	sub, err := fs.Sub(files, string(d))
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(gd, db, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("load %s migrations: %w", d, err)
	}
	return p, nil
}
