package modelstest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"

	"claimtracker/models"
)

// ReadOnly makes the file or directory at path read-only for real until
// the test ends: its mode loses every write bit and, when the test runs as
// root (whom modes do not stop), it is also marked immutable.
func ReadOnly(t testing.TB, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	mode := st.Mode().Perm()
	if err := os.Chmod(path, mode&^0o222); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(path, mode) })
	if os.Geteuid() == 0 {
		setImmutable(t, path)
	}
}

// ReadOnlyStore opens a migrated database of engine whose writes fail for
// real while its reads work: a SQLite file made read-only (ReadOnly), or a
// Postgres schema reached as a role whose transactions are read-only, as on
// a standby server.
func ReadOnlyStore(t testing.TB, engine string, cfg models.Config) *models.Store {
	t.Helper()
	dsn := DSN(t, engine)
	ctx := context.Background()
	s, err := models.Open(ctx, dsn, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	switch engine {
	case "sqlite":
		ReadOnly(t, dsn)
	case "postgres":
		dsn = readOnlyRole(t, dsn)
	}
	s, err = models.Open(ctx, dsn, cfg)
	if err != nil {
		t.Fatalf("open read-only %s: %v", engine, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// readOnlyRole makes a login role that may read and write the tables of
// dsn's schema but whose transactions are read-only, and returns dsn with
// that role as its user. The role is dropped when the test ends.
func readOnlyRole(t testing.TB, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	role := "ro_" + schema
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for _, q := range []string{
		"CREATE ROLE %[1]s LOGIN",
		"GRANT USAGE ON SCHEMA %[2]s TO %[1]s",
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %[2]s TO %[1]s",
		"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %[2]s TO %[1]s",
		"ALTER ROLE %[1]s SET default_transaction_read_only = on",
	} {
		if _, err := admin.Exec(fmt.Sprintf(q, role, schema)); err != nil {
			t.Fatalf("read-only role: %v", err)
		}
	}
	base := os.Getenv(PostgresEnv)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			t.Error(err)
			return
		}
		defer db.Close()
		for _, q := range []string{"DROP OWNED BY %s", "DROP ROLE %s"} {
			if _, err := db.Exec(fmt.Sprintf(q, role)); err != nil {
				t.Errorf("drop read-only role: %v", err)
			}
		}
	})
	u.User = url.User(role)
	return u.String()
}
