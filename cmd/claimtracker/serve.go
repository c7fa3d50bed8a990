package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"claimtracker/demo"
	"claimtracker/fetcher"
	"claimtracker/handlers"
	"claimtracker/jobs"
	"claimtracker/mailer"
	"claimtracker/models"
	"claimtracker/wayback"
)

// shutdownGrace is how long in-flight requests get to finish on SIGTERM.
const shutdownGrace = 20 * time.Second

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("serve", "Runs the web server. Migrates the database first.", stdout)
	addr := f.string("addr", "CLAIMTRACKER_ADDR", "127.0.0.1:8080", "address to listen on")
	dsn := f.dbFlag()
	base := f.string("base-url", "CLAIMTRACKER_BASE_URL", "", "public URL of the site, e.g. https://facts.example.org (default http://ADDR)")
	quorum := f.int("review-quorum", "CLAIMTRACKER_REVIEW_QUORUM", 1, "approvals from other reviewers that publish a verdict")
	proxies := f.string("trusted-proxies", "CLAIMTRACKER_TRUSTED_PROXIES", "", "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is believed")
	logFormat := f.string("log-format", "CLAIMTRACKER_LOG_FORMAT", "text", "log format: text or json")
	memLimit := f.int("memory-limit", "CLAIMTRACKER_MEMORY_LIMIT", 100, "soft limit of the Go heap in MiB, which also bounds how many passwords are checked at once; 0 leaves it to GOMEMLIMIT")
	pageCache := f.int("page-cache", "CLAIMTRACKER_PAGE_CACHE", 0, "memory for rendered public pages, compressed, in MiB (part of the Go heap); 0 is 32, or half the memory limit when that is less")
	gcPercent := f.int("gc-percent", "CLAIMTRACKER_GC_PERCENT", 50, "how far the Go heap grows between collections, in percent of what is live (Go's GOGC, which wins when set)")
	demoData := f.boolean("demo", "CLAIMTRACKER_DEMO", false, "on an empty database, load a demo newsroom and print its accounts' passwords")
	prerender := f.boolean("prerender", "CLAIMTRACKER_PRERENDER", true, "render every public claim page ahead of its readers and keep it in the database")
	fetchAllow := f.string("fetch-allow", "CLAIMTRACKER_FETCH_ALLOW", "", "comma-separated CIDRs of private, loopback or other non-public networks whose pages may be fetched (outside URLs are fetched only from public addresses otherwise)")
	maxFile := f.int("max-file-size", "CLAIMTRACKER_MAX_FILE_SIZE", models.DefaultMaxFileBytes>>20, "largest archived page or uploaded file kept, in MB (1 MB = 1,048,576 bytes); larger uploads get 413")
	jobWorkers := f.int("job-workers", "CLAIMTRACKER_JOB_WORKERS", 2, "how many background jobs (archiving, link checks) this instance runs at once")
	jobLease := f.duration("job-lease", "CLAIMTRACKER_JOB_LEASE", time.Minute, "how long a background job's claim lasts unless renewed: a job whose instance died runs again after it")
	jobGrace := f.duration("job-grace", "CLAIMTRACKER_JOB_GRACE", 15*time.Second, "how long shutdown waits for running background jobs before leaving them to run again")
	linkInterval := f.duration("link-check-interval", "CLAIMTRACKER_LINK_CHECK_INTERVAL", models.DefaultLinkCheckInterval, "how long after its last check each source's URL is checked again for link rot; 0 turns link checks off")
	hostGap := f.duration("host-gap", "CLAIMTRACKER_HOST_GAP", models.DefaultHostGap, "least time between two background requests (link checks, Wayback) to one outside host, across every instance")
	waybackOn := f.boolean("wayback", "CLAIMTRACKER_WAYBACK", false, "also ask the Internet Archive's Save Page Now for a copy of every new or changed source URL")
	waybackEndpoint := f.string("wayback-endpoint", "CLAIMTRACKER_WAYBACK_ENDPOINT", wayback.DefaultEndpoint, "Save Page Now's address, to which a source's URL is appended")
	smtpHost := f.string("smtp-host", "CLAIMTRACKER_SMTP_HOST", "", "SMTP server that sends e-mail notifications; empty turns e-mail off")
	smtpPort := f.int("smtp-port", "CLAIMTRACKER_SMTP_PORT", 587, "port of the SMTP server")
	smtpSecurity := f.string("smtp-security", "CLAIMTRACKER_SMTP_SECURITY", string(mailer.STARTTLS), "how the SMTP connection is protected: starttls (RFC 3207), tls (implicit TLS, RFC 8314, usually port 465) or none (only for a relay on this machine)")
	smtpUser := f.string("smtp-user", "CLAIMTRACKER_SMTP_USER", "", "user name to sign in to the SMTP server; empty for none")
	smtpPassword := f.string("smtp-password", "CLAIMTRACKER_SMTP_PASSWORD", "", "password to sign in to the SMTP server (better given in the environment than on the command line)")
	mailFrom := f.string("mail-from", "CLAIMTRACKER_MAIL_FROM", "", "sender of e-mail notifications, e.g. \"Newsroom desk <desk@example.org>\"; required with --smtp-host")
	if err := f.parse(args); err != nil {
		return err
	}
	mail, err := mailConfig(*smtpHost, *smtpPort, *smtpSecurity, *smtpUser, *smtpPassword, *mailFrom)
	if err != nil {
		return err
	}
	if *jobWorkers < 1 || *jobWorkers > 64 {
		return usageError(fmt.Sprintf("serve: --job-workers must be between 1 and 64, not %d", *jobWorkers))
	}
	if *jobLease < time.Second || *jobLease > time.Hour {
		return usageError(fmt.Sprintf("serve: --job-lease must be between 1s and 1h, not %v", *jobLease))
	}
	if *jobGrace < 0 || *jobGrace > 10*time.Minute {
		return usageError(fmt.Sprintf("serve: --job-grace must be between 0s and 10m, not %v", *jobGrace))
	}
	if *linkInterval < 0 || (*linkInterval > 0 && *linkInterval < time.Hour) {
		return usageError(fmt.Sprintf("serve: --link-check-interval must be 0 (off) or at least 1h, not %v", *linkInterval))
	}
	if *hostGap < time.Second || *hostGap > time.Hour {
		return usageError(fmt.Sprintf("serve: --host-gap must be between 1s and 1h, not %v", *hostGap))
	}
	if err := wayback.CheckEndpoint(*waybackEndpoint); err != nil {
		return usageError("serve: --wayback-endpoint: " + err.Error())
	}
	if *maxFile < 1 || *maxFile > 256 {
		return usageError(fmt.Sprintf("serve: --max-file-size must be between 1 and 256 (MB), not %d", *maxFile))
	}
	if *quorum < 1 || *quorum > 10 {
		return usageError(fmt.Sprintf("serve: --review-quorum must be between 1 and 10, not %d", *quorum))
	}
	if *logFormat != "text" && *logFormat != "json" {
		return usageError(fmt.Sprintf("serve: --log-format must be text or json, not %q", *logFormat))
	}
	logOut := newBufferedLog(stderr)
	defer logOut.Close()
	logger := slog.New(slog.NewTextHandler(logOut, nil))
	if *logFormat == "json" {
		logger = slog.New(slog.NewJSONHandler(logOut, nil))
	}
	if *memLimit < 0 {
		return usageError(fmt.Sprintf("serve: --memory-limit must be 0 or more, not %d", *memLimit))
	}
	if *pageCache < 0 || *pageCache > 4096 {
		return usageError(fmt.Sprintf("serve: --page-cache must be between 0 (the default) and 4096, not %d", *pageCache))
	}
	if *gcPercent < 10 || *gcPercent > 1000 {
		return usageError(fmt.Sprintf("serve: --gc-percent must be between 10 and 1000, not %d", *gcPercent))
	}
	limitMiB := memoryLimitMiB(*memLimit)
	cacheMiB, err := pageCacheMiB(*pageCache, limitMiB)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// Below Go's 100, the heap peaks lower (a server's live heap is
		// mostly the page cache, whose bytes the collector need not scan)
		// for a little more of the CPU: see docs/performance.md.
		debug.SetGCPercent(*gcPercent)
	}
	if *memLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// Past the limit the collector works harder instead of the heap growing.
		debug.SetMemoryLimit(int64(*memLimit) << 20)
	}
	trusted, err := parseCIDRs(*proxies)
	if err != nil {
		return usageError("serve: --trusted-proxies: " + err.Error())
	}
	allow, err := fetcher.ParseAllow(*fetchAllow)
	if err != nil {
		return usageError("serve: --fetch-allow: " + err.Error())
	}
	// A --base-url given is checked before the port is taken, so that a
	// bad one is reported as such even when the address is in use.
	if _, err := publicURL(*base, "127.0.0.1:0"); err != nil {
		return usageError("serve: --base-url: " + err.Error())
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	defer ln.Close()
	baseURL, err := publicURL(*base, ln.Addr().String())
	if err != nil {
		return err
	}

	// Password hashing runs in as many slots as fit in half the memory
	// limit in force, 19 MiB each.
	store, applied, err := openStore(ctx, *dsn, models.Config{ReviewQuorum: *quorum, Logger: logger, PasswordHashers: models.PasswordHashSlots(limitMiB),
		MaxFileBytes: int64(*maxFile) << 20, Wayback: *waybackOn, MailEnabled: mail != nil, BaseURL: baseURL.String()})
	if err != nil {
		return err
	}
	defer store.Close()
	if applied > 0 {
		logger.Info("database migrated", "applied", applied)
	}

	if *demoData {
		switch _, err := demo.Load(ctx, store, stdout); {
		case errors.Is(err, demo.ErrNotEmpty):
			fmt.Fprintln(stdout, "Demo data not loaded: the database is not empty. Its accounts' passwords were shown when it was loaded;")
			fmt.Fprintln(stdout, "set a new one with `claimtracker user passwd --email admin@demo.example --password-stdin`, or use --db with a new file for a fresh demo.")
		case err != nil:
			return err
		}
	}

	var setupToken string
	if n, err := store.CountUsers(ctx); err != nil {
		return err
	} else if n == 0 {
		b := make([]byte, 24)
		_, _ = rand.Read(b)
		setupToken = base64.RawURLEncoding.EncodeToString(b)
		fmt.Fprintf(stdout, "No accounts yet. Create the first admin, once, at:\n  %s/setup?token=%s\n", strings.TrimRight(baseURL.String(), "/"), setupToken)
	}

	// Background work stops with the server and is waited for before the
	// database closes.
	bgCtx, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var background sync.WaitGroup
	defer func() { stopBackground(); background.Wait() }()
	fetch := fetcher.New(fetcher.Config{Allow: allow})
	e := handlers.New(handlers.Config{
		Store: store, Logger: logger, BaseURL: baseURL, TrustedProxies: trusted, SetupToken: setupToken,
		Context: bgCtx, Prerender: *prerender, Background: &background, PageCacheMiB: cacheMiB,
		Fetcher: fetch,
	})

	// The background jobs stop after the server (they wait up to their
	// grace period) and before the database closes.
	links := linkEnv{hostGap: *hostGap, interval: *linkInterval, wayback: *waybackOn, waybackEndpoint: *waybackEndpoint}
	runner := newRunner(jobEnv{store: store, logger: logger, fetcher: fetch, allow: allow, links: links, mailer: mail, baseURL: baseURL}, jobs.Config{Workers: *jobWorkers, Lease: *jobLease, Grace: jobGraceOrNone(*jobGrace)})
	jobsCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	jobsDone := make(chan struct{})
	go func() { defer close(jobsDone); runner.Run(jobsCtx) }()
	background.Go(func() { scheduleLinkChecks(bgCtx, store, logger, links) })
	defer func() { stopJobs(); <-jobsDone }()
	srv := &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "Claimtracker is listening on http://%s (public URL %s, database %s)\n", ln.Addr(), baseURL, describeDSN(*dsn))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("shutting down: finishing background jobs in flight")
	stopJobs()
	<-jobsDone
	stopBackground()
	background.Wait()
	if err := store.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	logger.Info("stopped cleanly")
	return nil
}

// jobGraceOrNone is the runner's grace for a --job-grace of d: 0 means
// no wait at all, which the runner's Config spells as a nanosecond.
func jobGraceOrNone(d time.Duration) time.Duration {
	return max(d, time.Nanosecond)
}

// publicURL is the site's public address: --base-url, or else the listening address.
func publicURL(base, listen string) (*url.URL, error) {
	if base == "" {
		host, port, err := net.SplitHostPort(listen)
		if err != nil {
			return nil, err
		}
		if host == "" || host == "::" || host == "0.0.0.0" {
			host = "localhost"
		}
		return &url.URL{Scheme: "http", Host: net.JoinHostPort(host, port)}, nil
	}
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%q is not an http(s) URL like https://facts.example.org", base)
	}
	return u, nil
}

func parseCIDRs(s string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return nil, fmt.Errorf("%q is not a CIDR like 10.0.0.0/8", part)
		}
		out = append(out, n)
	}
	return out, nil
}

// describeDSN names the database without any password it may contain.
func describeDSN(dsn string) string {
	if models.IsPostgres(dsn) {
		if u, err := url.Parse(dsn); err == nil {
			return u.Redacted()
		}
		return "postgres"
	}
	return dsn
}

// memoryLimitMiB is the soft memory limit in force once serve has set it,
// in MiB, 0 for none: a --memory-limit of flag MiB, unless GOMEMLIMIT is
// set (it wins) or flag is 0, when the runtime's own.
func memoryLimitMiB(flag int) int {
	if flag > 0 && os.Getenv("GOMEMLIMIT") == "" {
		return flag
	}
	if l := debug.SetMemoryLimit(-1); l < math.MaxInt64 {
		return int(l >> 20)
	}
	return 0
}

// pageCacheMiB is the page cache's size for a --page-cache of flag MiB
// under a memory limit of limit MiB (see memoryLimitMiB; 0 for none):
// flag itself, which must be at most half the limit; or, for 0,
// handlers.DefaultPageCacheMiB, or half the limit when that is less, so
// that a small limit set before the flag existed still starts.
func pageCacheMiB(flag, limit int) (int, error) {
	if flag == 0 {
		if limit > 0 && limit/2 < handlers.DefaultPageCacheMiB {
			return max(1, limit/2), nil
		}
		return handlers.DefaultPageCacheMiB, nil
	}
	if limit > 0 && flag > limit/2 {
		return 0, usageError(fmt.Sprintf("serve: --page-cache %d MiB must be at most half of the memory limit in force (%d MiB)", flag, limit))
	}
	return flag, nil
}

// mailConfig makes the mailer of the --smtp-* and --mail-from flags, nil
// when --smtp-host is empty (e-mail off); a bad value is a usage error
// naming its flag. The password is never part of an error.
func mailConfig(host string, port int, security, user, password, from string) (*mailer.Mailer, error) {
	if host == "" {
		return nil, nil
	}
	if port < 1 || port > 65535 {
		return nil, usageError(fmt.Sprintf("serve: --smtp-port must be between 1 and 65535, not %d", port))
	}
	sec, err := mailer.ParseSecurity(security)
	if err != nil {
		return nil, usageError("serve: --smtp-security: " + err.Error())
	}
	if from == "" {
		return nil, usageError("serve: --mail-from is required with --smtp-host")
	}
	if user == "" && password != "" {
		return nil, usageError("serve: --smtp-password is set without --smtp-user")
	}
	m, err := mailer.New(mailer.Config{Host: host, Port: port, Security: sec, User: user, Password: password, From: from})
	if err != nil {
		return nil, usageError("serve: --mail-from: " + strings.TrimPrefix(err.Error(), "from: "))
	}
	return m, nil
}
