// Package modelstest opens fresh, migrated Stores for tests, on SQLite always
// and on PostgreSQL too when CLAIMTRACKER_TEST_POSTGRES names a server, so the
// same suite runs on both engines. An empty Postgres database for a test is a
// schema of its own (DSN); a migrated one is a database of its own cloned
// from a migrated template (MigratedDSN). Either is dropped when the test
// ends.
package modelstest

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for schema set-up

	"claimtracker/models"
)

// PostgresEnv names the environment variable that holds the test server's URL.
const PostgresEnv = "CLAIMTRACKER_TEST_POSTGRES"

// Engines lists the engines this run tests: "sqlite", and "postgres" when
// PostgresEnv is set.
func Engines() []string {
	if os.Getenv(PostgresEnv) != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// ForEach runs fn as a subtest on a fresh store of each engine.
func ForEach(t *testing.T, cfg models.Config, fn func(t *testing.T, s *models.Store)) {
	t.Helper()
	for _, e := range Engines() {
		t.Run(e, func(t *testing.T) {
			fn(t, Open(t, e, cfg))
		})
	}
}

// DSN returns a fresh, empty database for engine: a new SQLite file in the
// test's temporary folder, or a new Postgres schema. It is removed when the
// test ends.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	switch engine {
	case "sqlite":
		return filepath.Join(t.TempDir(), "test.db")
	case "postgres":
		base := os.Getenv(PostgresEnv)
		if base == "" {
			t.Fatalf("%s is not set", PostgresEnv)
		}
		schema := "t_" + randomHex(6)
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() {
			if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
				t.Errorf("drop schema: %v", err)
			}
			_ = admin.Close()
		})
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	t.Fatalf("unknown engine %q", engine)
	return ""
}

// Open returns a migrated store on a fresh database of engine (see
// MigratedDSN), closed when the test ends.
func Open(t testing.TB, engine string, cfg models.Config) *models.Store {
	t.Helper()
	return OpenDSN(t, engine, MigratedDSN(t, engine), cfg)
}

// FarZone is a time zone far from UTC (UTC+14), for sessions that must not
// change what the store reads and writes.
const FarZone = "Pacific/Kiritimati"

// InSessionZone returns a Postgres DSN whose sessions start in time zone
// zone, as a server, database or role configured so would give them; a
// SQLite path is returned as it is.
func InSessionZone(t testing.TB, dsn, zone string) string {
	t.Helper()
	if !models.IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("options", "-c TimeZone="+zone)
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20") // libpq URLs take no + for a space
	return u.String()
}

// OpenDSN returns a migrated store on dsn, a database of engine (from
// DSN), closed when the test ends. Called again on one dsn, it opens one
// more instance of the app on that database. Unless cfg sets a password
// hash cost, passwords are hashed at models.LightPasswordHashCost: the
// suites create and sign in thousands of accounts.
func OpenDSN(t testing.TB, engine, dsn string, cfg models.Config) *models.Store {
	t.Helper()
	ctx := context.Background()
	if cfg.PasswordHashCost == (models.PasswordHashCost{}) {
		cfg.PasswordHashCost = models.LightPasswordHashCost
	}
	s, err := models.Open(ctx, dsn, cfg)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	// Registered after DSN's cleanup, so it runs first: close, then drop.
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate %s: %v", dsn, err)
	}
	return s
}

// User creates an account with a known password and returns it.
func User(t testing.TB, s *models.Store, email string, role models.Role) *models.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), nil, models.Meta{}, models.NewUser{
		Email: email, Name: NameFor(email), Role: role, Password: Password,
	})
	if err != nil {
		t.Fatalf("create user %s: %v", email, err)
	}
	return u
}

// Password is the password User gives every account.
const Password = "correct horse battery staple"

// NameFor makes a display name from an email's local part.
func NameFor(email string) string {
	for i := range email {
		if email[i] == '@' {
			return "Test " + email[:i]
		}
	}
	return "Test " + email
}
