package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func runCmd(t *testing.T, input string, args ...string) (string, error) {
	t.Helper()
	stdin = strings.NewReader(input)
	t.Cleanup(func() { stdin = os.Stdin })
	var out bytes.Buffer
	err := run(context.Background(), args, &out, io.Discard)
	return out.String(), err
}

// startServe runs "serve" until the test ends and returns its base URL and output.
func startServe(t *testing.T, args ...string) (string, *modelstest.SyncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &modelstest.SyncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), out, io.Discard) }()
	re := regexp.MustCompile(`listening on (http://\S+)`)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			stop := sync.OnceValue(func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(30 * time.Second):
					return errors.New("serve did not stop")
				}
			})
			t.Cleanup(func() { _ = stop() })
			return m[1], out, stop
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s", out.String())
	return "", nil, nil
}

func TestServeWithUsersTokensAndBackup(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ct.db")
	base, out, stop := startServe(t, "--db", db)
	if !strings.Contains(out.String(), "/setup?token=") {
		t.Fatalf("no setup link on first run:\n%s", out.String())
	}
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("healthz: %d", res.StatusCode)
	}

	// The commands work on the same file while the server runs.
	o, err := runCmd(t, modelstest.Password+"\n", "user", "add", "--db", db, "--email", "Ed@Example.org", "--name", "Ed Itor", "--role", "editor", "--password-stdin")
	if err != nil || o != "Added Ed Itor <ed@example.org> as editor.\n" {
		t.Fatalf("user add: %q %v", o, err)
	}
	o, err = runCmd(t, "", "token", "create", "--db", db, "--email", "ed@example.org", "--name", "CMS")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(o, "\n"), "\n")
	token := lines[len(lines)-1]
	if !strings.HasPrefix(token, "ct_") || len(token) < 40 {
		t.Fatalf("last line is not a token: %q", o)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != `{"id":1,"email":"ed@example.org","name":"Ed Itor","role":"editor"}`+"\n" {
		t.Fatalf("/api/v1/me: %d %s", res.StatusCode, body)
	}

	// Archived pages and uploaded files live in the database: the backup
	// holds them.
	liveStore, err := models.Open(context.Background(), db, models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	evidence := []byte("%PDF-1.7 the hearing transcript")
	sum, err := liveStore.Blobs().Put(context.Background(), evidence)
	if err != nil {
		t.Fatal(err)
	}
	liveStore.Close()
	backupFile := filepath.Join(t.TempDir(), "copy.db")
	if o, err := runCmd(t, "", "backup", "--db", db, "--out", backupFile); err != nil || !strings.HasPrefix(o, "Backed up") {
		t.Fatalf("backup: %q %v", o, err)
	}
	copyStore, err := models.Open(context.Background(), backupFile, models.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := copyStore.CountUsers(context.Background()); err != nil || n != 1 {
		t.Fatalf("backup holds %d users, %v", n, err)
	}
	if got, err := copyStore.Blobs().Get(context.Background(), sum); err != nil || string(got) != string(evidence) {
		t.Fatalf("backup holds the blob %q, %v", got, err)
	}
	copyStore.Close()

	// SIGTERM (here: the context ending) stops the server cleanly and closes
	// the database, which folds the write-ahead log back into the file.
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if _, err := os.Stat(db + "-wal"); !os.IsNotExist(err) {
		t.Fatalf("WAL file left after shutdown: %v", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}

func TestMigrateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ct.db")
	files, err := filepath.Glob(filepath.Join("..", "..", "migrations", "sqlite", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("migration files: %v %v", files, err)
	}
	if o, err := runCmd(t, "", "migrate", "--db", db); err != nil || o != fmt.Sprintf("Applied %d migration(s).\n", len(files)) {
		t.Fatalf("first migrate: %q %v", o, err)
	}
	if o, err := runCmd(t, "", "migrate", "--db", db); err != nil || o != "The database is up to date.\n" {
		t.Fatalf("second migrate: %q %v", o, err)
	}
}

func TestEnvironmentVariablesSetFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("CLAIMTRACKER_DB", db)
	if _, err := runCmd(t, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("CLAIMTRACKER_DB was not used: %v", err)
	}
	// The command line wins over the environment.
	other := filepath.Join(t.TempDir(), "flag.db")
	if _, err := runCmd(t, "", "migrate", "--db", other); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("--db did not win over the environment: %v", err)
	}
}

func TestBadCommandLinesFailWithOneLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ct.db")
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"serve", "--bogus"}, "serve: flag provided but not defined: -bogus (see claimtracker serve --help)"},
		{nil, []string{"frobnicate"}, `unknown command "frobnicate" (see claimtracker --help)`},
		{nil, []string{"serve", "--review-quorum", "0"}, "serve: --review-quorum must be between 1 and 10, not 0"},
		{nil, []string{"serve", "--review-quorum", "many"}, `serve: invalid value "many" for flag -review-quorum: parse error (see claimtracker serve --help)`},
		{map[string]string{"CLAIMTRACKER_REVIEW_QUORUM": "abc"}, []string{"serve"}, `serve: invalid value "abc" for CLAIMTRACKER_REVIEW_QUORUM`},
		{nil, []string{"serve", "--gc-percent", "5"}, "serve: --gc-percent must be between 10 and 1000, not 5"},
		{nil, []string{"serve", "--max-file-size", "0"}, "serve: --max-file-size must be between 1 and 256 (MB), not 0"},
		{map[string]string{"CLAIMTRACKER_MAX_FILE_SIZE": "20MB"}, []string{"serve"}, `serve: invalid value "20MB" for CLAIMTRACKER_MAX_FILE_SIZE`},
		{nil, []string{"serve", "--page-cache", "-1"}, "serve: --page-cache must be between 0 (the default) and 4096, not -1"},
		{nil, []string{"serve", "--memory-limit", "40", "--page-cache", "32"}, "serve: --page-cache 32 MiB must be at most half of the memory limit in force (40 MiB)"},
		{nil, []string{"serve", "--base-url", "ftp://x"}, `serve: --base-url: "ftp://x" is not an http(s) URL like https://facts.example.org`},
		{nil, []string{"serve", "--trusted-proxies", "10.0.0.1"}, `serve: --trusted-proxies: "10.0.0.1" is not a CIDR like 10.0.0.0/8`},
		{nil, []string{"serve", "--fetch-allow", "10.20.0.0/16,10.0.0.0/33"}, `serve: --fetch-allow: "10.0.0.0/33" is not a network like 10.20.0.0/16`},
		{map[string]string{"CLAIMTRACKER_FETCH_ALLOW": "intranet"}, []string{"serve"}, `serve: --fetch-allow: "intranet" is not a network like 10.20.0.0/16`},
		{nil, []string{"serve", "--job-workers", "0"}, "serve: --job-workers must be between 1 and 64, not 0"},
		{nil, []string{"serve", "--job-lease", "500ms"}, "serve: --job-lease must be between 1s and 1h, not 500ms"},
		{map[string]string{"CLAIMTRACKER_JOB_LEASE": "soon"}, []string{"serve"}, `serve: invalid value "soon" for CLAIMTRACKER_JOB_LEASE`},
		{nil, []string{"serve", "--job-grace", "-1s"}, "serve: --job-grace must be between 0s and 10m, not -1s"},
		{nil, []string{"serve", "--link-check-interval", "10m"}, "serve: --link-check-interval must be 0 (off) or at least 1h, not 10m0s"},
		{map[string]string{"CLAIMTRACKER_LINK_CHECK_INTERVAL": "weekly"}, []string{"serve"}, `serve: invalid value "weekly" for CLAIMTRACKER_LINK_CHECK_INTERVAL`},
		{nil, []string{"serve", "--host-gap", "0s"}, "serve: --host-gap must be between 1s and 1h, not 0s"},
		{nil, []string{"serve", "--wayback-endpoint", "web.archive.org/save/"}, `serve: --wayback-endpoint: "web.archive.org/save/" is not an http or https URL`},
		{map[string]string{"CLAIMTRACKER_WAYBACK": "maybe"}, []string{"serve"}, `serve: invalid value "maybe" for CLAIMTRACKER_WAYBACK`},
		{nil, []string{"serve", "--smtp-host", "smtp.example.org", "--mail-from", "desk@example.org", "--smtp-port", "0"}, "serve: --smtp-port must be between 1 and 65535, not 0"},
		{map[string]string{"CLAIMTRACKER_SMTP_PORT": "submission"}, []string{"serve"}, `serve: invalid value "submission" for CLAIMTRACKER_SMTP_PORT`},
		{nil, []string{"serve", "--smtp-host", "smtp.example.org", "--mail-from", "desk@example.org", "--smtp-security", "ssl"}, `serve: --smtp-security: "ssl" is not starttls, tls or none`},
		{map[string]string{"CLAIMTRACKER_SMTP_HOST": "smtp.example.org"}, []string{"serve"}, "serve: --mail-from is required with --smtp-host"},
		{nil, []string{"serve", "--smtp-host", "smtp.example.org", "--mail-from", "the desk"}, `serve: --mail-from: "the desk" is not an e-mail address like Newsroom <desk@example.org>`},
		{map[string]string{"CLAIMTRACKER_SMTP_PASSWORD": "hunter2 secret"}, []string{"serve", "--smtp-host", "smtp.example.org", "--mail-from", "desk@example.org"}, "serve: --smtp-password is set without --smtp-user"},
		{nil, []string{"user", "add", "--db", db, "--email", "a@example.org", "--password-stdin"}, "user add: --name is required (see claimtracker user add --help)"},
		{nil, []string{"user", "add", "--db", db, "--email", "a@example.org", "--name", "A"}, "user add: --password-stdin is required; passwords are never taken as arguments"},
		{nil, []string{"user", "add", "--db", db, "--email", "a@example.org", "--name", "A", "--role", "boss", "--password-stdin"}, `user add: --role must be editor, reviewer or admin, not "boss"`},
		{nil, []string{"user", "remove"}, `user: the subcommands are "user add" and "user passwd" (see claimtracker --help)`},
		{nil, []string{"user", "passwd", "--db", db, "--password-stdin"}, "user passwd: --email is required (see claimtracker user passwd --help)"},
		{nil, []string{"user", "passwd", "--db", db, "--email", "a@example.org"}, "user passwd: --password-stdin is required; passwords are never taken as arguments"},
		{nil, []string{"user", "passwd", "--db", db, "--email", "a@example.org", "--password", "x"}, "user passwd: flag provided but not defined: -password (see claimtracker user passwd --help)"},
		{nil, []string{"token", "create", "--db", db, "--email", "a@example.org"}, "token create: --name is required (see claimtracker token create --help)"},
		{nil, []string{"backup", "--db", db}, "backup: --out is required (see claimtracker backup --help)"},
		{nil, []string{"migrate", "extra"}, `migrate: unexpected argument "extra" (see claimtracker migrate --help)`},
	}
	for _, tc := range cases {
		for k, v := range tc.env {
			t.Setenv(k, v)
		}
		_, err := runCmd(t, modelstest.Password+"\n", tc.args...)
		if err == nil || err.Error() != tc.want || exitCode(err) != 2 || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: err %v (exit %d), want %q (exit 2)", tc.args, err, exitCode(err), tc.want)
		}
		for k := range tc.env {
			os.Unsetenv(k)
		}
	}
	// Refused input to a real command exits 1 with the reason.
	_, err := runCmd(t, "short\n", "user", "add", "--db", db, "--email", "a@example.org", "--name", "A", "--password-stdin")
	if err == nil || err.Error() != "user add: password must be at least 12 characters" || exitCode(err) != 1 {
		t.Errorf("short password: %v", err)
	}
	_, err = runCmd(t, "", "token", "create", "--db", db, "--email", "nobody@example.org", "--name", "x")
	if err == nil || !errors.Is(err, models.ErrNotFound) {
		t.Errorf("token for unknown user: %v", err)
	}
}

// user passwd sets the password from standard input and ends every
// session of the account, on both engines.
func TestUserPasswdSetsThePasswordAndEndsSessions(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			db := modelstest.DSN(t, engine)
			if _, err := runCmd(t, modelstest.Password+"\n", "user", "add", "--db", db, "--email", "ed@example.org", "--name", "Ed Itor", "--password-stdin"); err != nil {
				t.Fatal(err)
			}
			s, err := models.Open(ctx, db, models.Config{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			session, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password)
			if err != nil {
				t.Fatal(err)
			}

			_, err = runCmd(t, "short\n", "user", "passwd", "--db", db, "--email", "ed@example.org", "--password-stdin")
			if err == nil || err.Error() != "user passwd: password must be at least 12 characters" || exitCode(err) != 1 {
				t.Fatalf("short password: %v", err)
			}
			_, err = runCmd(t, "a brand new passphrase\n", "user", "passwd", "--db", db, "--email", "nobody@example.org", "--password-stdin")
			if !errors.Is(err, models.ErrNotFound) || exitCode(err) != 1 {
				t.Fatalf("unknown account: %v", err)
			}
			if _, err := s.SessionUser(ctx, session); err != nil {
				t.Fatalf("a refused command ended the session: %v", err)
			}

			o, err := runCmd(t, "a brand new passphrase\r\n", "user", "passwd", "--db", db, "--email", "ED@example.org", "--password-stdin")
			if err != nil || o != "Set a new password for Ed Itor <ed@example.org>; every session of the account has ended.\n" {
				t.Fatalf("user passwd: %q %v", o, err)
			}
			if _, err := s.SessionUser(ctx, session); !errors.Is(err, models.ErrUnauthenticated) {
				t.Fatalf("session after user passwd: %v", err)
			}
			if _, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", modelstest.Password); !errors.Is(err, models.ErrBadCredentials) {
				t.Fatalf("old password: %v", err)
			}
			if _, _, err := s.Login(ctx, models.Meta{}, "ed@example.org", "a brand new passphrase"); err != nil {
				t.Fatalf("new password: %v", err)
			}
			evs, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "password.set"})
			if len(evs) != 1 || evs[0].Actor != "command line" || evs[0].IP != "command line" {
				t.Fatalf("audit: %+v", evs)
			}
		})
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	cases := map[string][]string{
		"serve":        {"serve", "--help"},
		"migrate":      {"migrate", "-h"},
		"user add":     {"user", "add", "--help"},
		"user passwd":  {"user", "passwd", "--help"},
		"token create": {"token", "create", "--help"},
		"backup":       {"backup", "--help"},
	}
	for name, args := range cases {
		out, err := runCmd(t, "", args...)
		if !errors.Is(err, errUsageShown) || exitCode(err) != 0 {
			t.Errorf("%s --help: %v", name, err)
		}
		if !strings.HasPrefix(out, "Usage: claimtracker "+name+" [flags]") || !strings.Contains(out, "-db") {
			t.Errorf("%s --help printed %q", name, out)
		}
	}
	out, err := runCmd(t, "", "--help")
	if err != nil || !strings.Contains(out, "claimtracker token create") {
		t.Errorf("top-level help: %q %v", out, err)
	}
	out, _ = runCmd(t, "", "serve", "--help")
	for _, env := range []string{"CLAIMTRACKER_ADDR", "CLAIMTRACKER_DB", "CLAIMTRACKER_BASE_URL", "CLAIMTRACKER_REVIEW_QUORUM", "CLAIMTRACKER_JOB_WORKERS", "CLAIMTRACKER_JOB_LEASE", "CLAIMTRACKER_JOB_GRACE"} {
		if !strings.Contains(out, env) {
			t.Errorf("serve --help does not name %s", env)
		}
	}
}

// A request in flight when SIGTERM arrives still gets its answer.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ct.db")
	base, _, stop := startServe(t, "--db", db)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Half a request: the handler is reading its body.
	body := "email=a%40example.org&password=not-the-right-one"
	head := fmt.Sprintf("POST /login HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n", len(body))
	if _, err := conn.Write([]byte(head + body[:10])); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("server stopped with a request in flight: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := conn.Write([]byte(body[10:])); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("in-flight request got no answer: %v", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("in-flight request: %d, want the login page's 401", res.StatusCode)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

// TestStartupSaysWhatIsWrongWithTheDirectory is the regression test for
// starting on a read-only mount, which said "no such file or directory"
// for a file that exists: a missing directory, a directory that cannot be
// written (made read-only for real) and a read-only database file are each
// named in one line, before anything is created.
func TestStartupSaysWhatIsWrongWithTheDirectory(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	_, err := runCmd(t, "", "migrate", "--db", filepath.Join(missing, "ct.db"))
	if err == nil || err.Error() != "open database: directory "+missing+" does not exist" || exitCode(err) != 1 {
		t.Errorf("missing directory: %v", err)
	}
	if _, serr := os.Stat(missing); !os.IsNotExist(serr) {
		t.Errorf("the missing directory was created: %v", serr)
	}

	dir := t.TempDir()
	modelstest.ReadOnly(t, dir)
	for _, cmd := range [][]string{{"migrate"}, {"serve", "--addr", "127.0.0.1:0"}} {
		_, err := runCmd(t, "", append(cmd, "--db", filepath.Join(dir, "ct.db"))...)
		want := "open database: directory " + dir + " is not writable ("
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s on a read-only directory: %v, want %q…", cmd[0], err, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left in the read-only directory: %v", entries)
	}

	db := filepath.Join(t.TempDir(), "ct.db")
	if _, err := runCmd(t, "", "migrate", "--db", db); err != nil {
		t.Fatal(err)
	}
	modelstest.ReadOnly(t, db)
	_, err = runCmd(t, "", "migrate", "--db", db)
	if want := "open database: file " + db + " is not writable ("; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("read-only database file: %v, want %q…", err, want)
	}
}

// tagless builds the command once without the sqlite_fts5 tag, as a plain
// "go build ./cmd/claimtracker" does.
var tagless = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "claimtracker-tagless-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "claimtracker")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=", "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// TestBuildWithoutFTS5RefusesSQLite is the regression test for a binary
// built without the sqlite_fts5 tag, which half-migrated a new database
// before stopping with "no such module: fts5", and answered 500 to every
// search on a migrated one. It now refuses to start on SQLite with one line
// that gives the build command, and leaves the database as it was.
// (The test builds that binary once, with the Go toolchain.)
func TestBuildWithoutFTS5RefusesSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin, err := tagless()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Dir(bin)) })
	want := "claimtracker: " + models.ErrNoFTS5.Error() + "\n"
	if !strings.Contains(want, models.BuildCommand) {
		t.Fatalf("the message %q does not give the build command", want)
	}

	migrated := filepath.Join(t.TempDir(), "migrated.db")
	if _, err := runCmd(t, "", "migrate", "--db", migrated); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(migrated)
	if err != nil {
		t.Fatal(err)
	}
	fresh := t.TempDir()
	for _, args := range [][]string{
		{"migrate", "--db", filepath.Join(fresh, "new.db")},
		{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(fresh, "new.db")},
		{"serve", "--addr", "127.0.0.1:0", "--db", migrated},
	} {
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || stderr.String() != want {
			t.Errorf("%v: %v, stderr %q, want exit 1 and %q", args, err, stderr.String(), want)
		}
	}
	if entries, _ := os.ReadDir(fresh); len(entries) != 0 {
		t.Errorf("a new database was touched: %v", entries)
	}
	if after, err := os.ReadFile(migrated); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the migrated database changed (%v)", err)
	}
	if _, err := os.Stat(migrated + "-wal"); !os.IsNotExist(err) {
		t.Errorf("the migrated database was opened: %v", err)
	}

	// PostgreSQL needs no SQLite full-text search: the same binary runs there.
	if dsn := os.Getenv(modelstest.PostgresEnv); dsn != "" {
		out, err := exec.Command(bin, "migrate", "--db", modelstest.DSN(t, "postgres")).CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), "Applied ") {
			t.Errorf("tagless binary on Postgres: %v %s", err, out)
		}
	}
}
