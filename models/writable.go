package models

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// BuildCommand is how to build a binary whose SQLite has the full-text
// search Claimtracker needs.
const BuildCommand = "go build -tags sqlite_fts5 ./cmd/claimtracker"

// ErrNoFTS5 means the binary's SQLite was compiled without full-text search
// (FTS5): it was built without the sqlite_fts5 tag.
var ErrNoFTS5 = errors.New("this binary was built without SQLite full-text search (FTS5); build it with: " + BuildCommand + " (or go run -tags sqlite_fts5 ./cmd/claimtracker)")

// sqliteHasFTS5 asks a private in-memory database whether the SQLite linked
// into this binary has FTS5. It touches no file.
func sqliteHasFTS5() (bool, error) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return false, err
	}
	defer db.Close()
	var on int
	if err := db.QueryRow("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&on); err != nil {
		return false, fmt.Errorf("ask sqlite for fts5: %w", err)
	}
	return on == 1, nil
}

// CheckWritable says plainly, in one line, why the SQLite database that dsn
// names cannot be written, before anything opens it: this binary's SQLite
// lacks full-text search (ErrNoFTS5), the file's directory is missing or
// not writable (SQLite writes its journal files beside the database), or
// the file itself is not writable. It touches no database file; for a
// Postgres dsn it checks nothing.
func CheckWritable(dsn string) error {
	if IsPostgres(dsn) || dsn == "" {
		return nil
	}
	if ok, err := sqliteHasFTS5(); err != nil {
		return err
	} else if !ok {
		return ErrNoFTS5
	}
	path := strings.TrimPrefix(dsn, "file:")
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("open database: directory %s does not exist", dir)
	case err != nil:
		return fmt.Errorf("open database: directory %s: %w", dir, err)
	case !st.IsDir():
		return fmt.Errorf("open database: %s is not a directory", dir)
	}
	probe, err := os.CreateTemp(dir, ".claimtracker-write-check-*")
	if err != nil {
		return fmt.Errorf("open database: directory %s is not writable (%s)", dir, osReason(err))
	}
	name := probe.Name()
	_ = probe.Close()
	_ = os.Remove(name)
	st, err = os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil // SQLite creates it
	case err != nil:
		return fmt.Errorf("open database: %w", err)
	case st.IsDir():
		return fmt.Errorf("open database: %s is a directory, not a database file", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("open database: file %s is not writable (%s)", path, osReason(err))
	}
	return f.Close()
}

// osReason is the system's reason for a failed file operation, without the
// operation and path that the caller's message already gives.
func osReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
