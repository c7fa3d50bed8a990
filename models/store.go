// Package models holds Claimtracker's data types, the Store that reads and
// writes them, and the workflow rules: who may do what, and how things change
// state. It knows nothing of HTTP or HTML.
package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/sync/semaphore"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"claimtracker/migrations"
)

// Store reads and writes everything Claimtracker keeps. Every change runs in
// one transaction together with its audit event.
//
// On SQLite it holds two connection pools on the same file: one writer
// connection whose transactions begin IMMEDIATE, so concurrent writers queue
// instead of failing with "database is locked", a pool of read-only
// connections, and a few more read-only connections for the reads that
// every public request may make (see sqliteHotPool). On Postgres all are
// the same pool.
type Store struct {
	w       *gorm.DB
	r       *gorm.DB
	dialect migrations.Dialect
	cfg     Config
	// gen counts changes to the database, for caches (see Generation).
	gen atomic.Uint64
	// lastSeq is the public change counter as last read.
	lastSeq atomic.Int64
	// changes is the public_changes row as of a generation (see
	// currentChanges).
	changes atomic.Pointer[changesAt]
	stop    chan struct{}
	stopped sync.WaitGroup
	// hashers bounds how many passwords are hashed at once (see withHashSlot).
	hashers *semaphore.Weighted
	// dummyOnce makes dummy, the hash checked when no account matches
	// (see dummyHash).
	dummyOnce sync.Once
	dummy     string
	// hashHook, set only by tests, is called when a hash starts; what it
	// returns is called when the hash ends.
	hashHook func() (end func())
	// beforeTouches, set only by tests, runs in every write transaction
	// just before its public changes are numbered.
	beforeTouches func()
	// instanceID names this Store's heartbeat row; health is the last check.
	instanceID string
	health     health
	// hot holds the prepared statements of the reads every public request
	// may make (see hot_reads.go).
	hot hotStatements
	// hotPool holds the hot reads' own connections on SQLite (nil on
	// Postgres).
	hotPool *sqliteHotPool
	// jobsEnqueued is signalled after a commit that enqueued a job (see
	// JobsEnqueued).
	jobsEnqueued chan struct{}
}

// Config holds the Store's tunable rules. Zero fields take their defaults.
type Config struct {
	// ReviewQuorum is how many approvals from reviewers other than the
	// author publish a verdict (default 1).
	ReviewQuorum int
	// SessionIdle ends a session that has not been used for this long
	// (default 12 hours).
	SessionIdle time.Duration
	// SessionLifetime ends every session this long after login (default 7 days).
	SessionLifetime time.Duration
	// Logger receives the Store's own warnings (default slog.Default()).
	Logger *slog.Logger
	// Now returns the current time (default time.Now); tests move the clock.
	Now func() time.Time
	// PasswordHashers is how many passwords may be hashed or checked at
	// once, each taking HashMemoryMiB of memory (default 2; the server sizes
	// it from its memory limit with PasswordHashSlots).
	PasswordHashers int
	// PasswordHashCost is the work of each new password hash (default
	// DefaultPasswordHashCost; test suites set LightPasswordHashCost).
	PasswordHashCost PasswordHashCost
	// HashWait is how long a password hash or check waits for a free slot
	// before it fails with ErrBusy (default 2 seconds).
	HashWait time.Duration
	// AccountFailuresBeforeLock and AddressFailuresBeforeLock are how many
	// failed sign-ins an account, or a client address, may have before it
	// is locked (defaults 5 and 20; see throttle.go).
	AccountFailuresBeforeLock int
	AddressFailuresBeforeLock int
	// Blobs keeps archived pages and uploaded files (default: the
	// database's blobs table; see Blobs).
	Blobs Blobs
	// MaxFileBytes is the largest archived page or uploaded file kept, in
	// bytes (default DefaultMaxFileBytes).
	MaxFileBytes int64
	// Wayback, when on, asks the Internet Archive for a copy of every new
	// or changed source URL, in the background (see wayback.go).
	Wayback bool
	// MailEnabled says that this site sends e-mail (an SMTP server is
	// set up): only then may users opt in to e-mail notifications, and
	// only then are their mail jobs (JobSendMail) enqueued.
	MailEnabled bool
	// BaseURL is the site's public address (https://facts.example.org),
	// for the absolute links that leave the site: a webhook delivery's
	// claim URLs. "" is http://127.0.0.1:8080, the server's default.
	BaseURL string
}

// DefaultMaxFileBytes is the default MaxFileBytes: 20 MiB.
const DefaultMaxFileBytes = 20 << 20

func (c Config) withDefaults() Config {
	if c.ReviewQuorum <= 0 {
		c.ReviewQuorum = 1
	}
	if c.MaxFileBytes <= 0 {
		c.MaxFileBytes = DefaultMaxFileBytes
	}
	if c.SessionIdle <= 0 {
		c.SessionIdle = 12 * time.Hour
	}
	if c.SessionLifetime <= 0 {
		c.SessionLifetime = 7 * 24 * time.Hour
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://127.0.0.1:8080"
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.PasswordHashers <= 0 {
		c.PasswordHashers = defaultHashers
	}
	if c.HashWait <= 0 {
		c.HashWait = 2 * time.Second
	}
	if c.PasswordHashCost.MemoryKiB == 0 || c.PasswordHashCost.Passes == 0 {
		c.PasswordHashCost = DefaultPasswordHashCost
	}
	if c.AccountFailuresBeforeLock <= 0 {
		c.AccountFailuresBeforeLock = defaultAccountFailures
	}
	if c.AddressFailuresBeforeLock <= 0 {
		c.AddressFailuresBeforeLock = defaultAddressFailures
	}
	return c
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database that dsn names: a postgres:// URL, or else
// the path of a SQLite file, which is created when missing. It does not
// migrate; call Migrate.
//
// For SQLite it first checks, touching no file, that this binary's SQLite
// has full-text search: ErrNoFTS5 when it was built without the sqlite_fts5
// tag. Programs that will write should call CheckWritable first.
func Open(ctx context.Context, dsn string, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	// gorm's statement cache (PrepareStmt) stays off. It prepares a
	// statement new to it, for a query outside a transaction, on a
	// connection of the pool, and meanwhile makes every other query of that
	// statement wait under its lock, and then every query that needs the
	// lock: those of transactions and snapshots too, which keep their
	// connection while they wait. Once they hold every connection, the
	// preparation waits for one of theirs and nothing moves until its
	// query's context ends (gorm issue 7465). pgx keeps the statements it
	// runs with arguments prepared on each connection by itself (its
	// statement cache); on SQLite, preparing again costs nothing measurable.
	gcfg := &gorm.Config{
		SkipDefaultTransaction: true,
		PrepareStmt:            false,
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return cfg.Now().UTC() },
		TranslateError:         true,
	}
	s := &Store{cfg: cfg, hashers: semaphore.NewWeighted(int64(cfg.PasswordHashers)), instanceID: newInstanceID(), jobsEnqueued: make(chan struct{}, 1)}
	if IsPostgres(dsn) {
		db, err := openPostgres(dsn, gcfg) // every session in UTC: see postgres_utc.go
		if err != nil {
			return nil, err
		}
		sqlDB, err := db.DB()
		if err != nil {
			return nil, err
		}
		sqlDB.SetMaxOpenConns(16)
		sqlDB.SetMaxIdleConns(16)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		s.w, s.r, s.dialect = db, db, migrations.Postgres
	} else {
		if dsn == "" {
			return nil, errors.New("no database: give a SQLite file path or a postgres:// URL")
		}
		if strings.ContainsAny(dsn, "?#") {
			return nil, fmt.Errorf("sqlite path %q: must not contain '?' or '#'", dsn)
		}
		path := strings.TrimPrefix(dsn, "file:")
		if ok, err := sqliteHasFTS5(); err != nil {
			return nil, err
		} else if !ok {
			return nil, ErrNoFTS5
		}
		// Pragmas go in the DSN so that every connection of each pool has them.
		common := "_journal_mode=WAL&_busy_timeout=10000&_foreign_keys=on&_synchronous=NORMAL"
		w, err := gorm.Open(sqlite.Open("file:"+path+"?"+common+"&_txlock=immediate"), gcfg)
		if err != nil {
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		wdb, err := w.DB()
		if err != nil {
			return nil, err
		}
		wdb.SetMaxOpenConns(1)
		wdb.SetMaxIdleConns(1)
		wdb.SetConnMaxIdleTime(0)
		wdb.SetConnMaxLifetime(0)
		r, err := gorm.Open(sqlite.Open("file:"+path+"?"+common+"&_query_only=on"), gcfg)
		if err != nil {
			_ = wdb.Close()
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
		rdb, err := r.DB()
		if err != nil {
			_ = wdb.Close()
			return nil, err
		}
		rdb.SetMaxOpenConns(8)
		rdb.SetMaxIdleConns(8)
		s.w, s.r, s.dialect = w, r, migrations.SQLite
		if s.hotPool, err = openSQLiteHotPool(fmt.Sprintf("file:%s?%s&_query_only=on&_cache_size=-%d", path, common, hotCacheKiB), hotPoolSize); err != nil {
			_ = s.Close()
			return nil, fmt.Errorf("open sqlite %s: %w", path, err)
		}
	}
	if err := s.Ping(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	s.stop = make(chan struct{})
	s.stopped.Add(1)
	go s.watchChanges(dsn)
	return s, nil
}

// Generation is a number that changes whenever what the public sees may
// have changed: at once after every write this Store commits, and within
// moments of a public change committed by any other process or instance on
// the same database (see watchChanges). Caches keyed on it are never stale
// for this instance's own writes.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// Intervals at which the public change counter is read: the only signal
// on SQLite, a safety net under notifications on Postgres.
const (
	sqlitePoll   = 50 * time.Millisecond
	postgresPoll = time.Second
)

// watchChanges moves the generation on when another process or instance
// commits a public change. It reads the public change counter (one row,
// see versions.go), whose number follows commit order, so no change can
// hide behind a later one; on Postgres a listener is told of each change
// as it commits. It also runs the hourly upkeep.
func (s *Store) watchChanges(dsn string) {
	defer s.stopped.Done()
	every := sqlitePoll
	if s.dialect == migrations.Postgres {
		every = postgresPoll
		s.stopped.Add(1)
		go s.listen(dsn)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	lastOptimize := time.Now()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			if time.Since(lastOptimize) > time.Hour {
				lastOptimize = time.Now()
				if err := s.Optimize(context.Background()); err != nil {
					s.cfg.Logger.Warn("optimize", "err", err)
				}
				if err := s.sweepLoginThrottles(context.Background()); err != nil {
					s.cfg.Logger.Warn("sweep login throttles", "err", err)
				}
			}
			pc, err := s.readPublicChanges(context.Background())
			if err != nil {
				continue // the table may not exist before the first migration
			}
			if s.lastSeq.Swap(pc.Seq) != pc.Seq {
				s.gen.Add(1)
			}
		}
	}
}

// listen holds a Postgres connection that listens for committed public
// changes in this Store's schema, and moves the generation on for each;
// it connects again after any failure.
func (s *Store) listen(dsn string) {
	defer s.stopped.Done()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-s.stop
		cancel()
	}()
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, dsn)
		if ctx.Err() != nil {
			return
		}
		s.cfg.Logger.Warn("listen for public changes; polling meanwhile", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var schema string
	if err := conn.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+publicChannel); err != nil {
		return err
	}
	// A change may have come while no one listened.
	s.gen.Add(1)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Payload == schema {
			s.gen.Add(1)
		}
	}
}

// Dialect names the engine the Store runs on.
func (s *Store) Dialect() migrations.Dialect { return s.dialect }

// ReviewQuorum is how many approvals publish a verdict.
func (s *Store) ReviewQuorum() int { return s.cfg.ReviewQuorum }

// Migrate applies every pending migration and returns how many it applied,
// then fills in what a migration added but SQL cannot compute: the address
// keys of articles logged before migration 00017, and the search index of
// any claim it lacks (see indexMissing).
func (s *Store) Migrate(ctx context.Context) (int, error) {
	db, err := s.w.DB()
	if err != nil {
		return 0, err
	}
	res, err := migrations.Apply(ctx, db, s.dialect)
	if err != nil {
		return len(res), err
	}
	if err := s.fillArticleURLKeys(ctx); err != nil {
		return len(res), err
	}
	if err := s.indexMissing(ctx); err != nil {
		return len(res), err
	}
	return len(res), s.Optimize(ctx)
}

// Optimize refreshes the statistics the SQLite query planner relies on, so
// that it picks the selective index (without them it may walk every
// published verdict to find ten). It is bounded and cheap when little has
// changed; Postgres keeps its own statistics.
func (s *Store) Optimize(ctx context.Context) error {
	if s.dialect != migrations.SQLite {
		return nil
	}
	// This pragma answers with a row: read it, so no statement stays open
	// on the writer (an open one would block VACUUM INTO).
	var limit int
	if err := s.w.WithContext(ctx).Raw("PRAGMA analysis_limit = 1000").Scan(&limit).Error; err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if err := s.w.WithContext(ctx).Exec("PRAGMA optimize = 0x10002").Error; err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.WithContext(ctx).Raw("SELECT 1").Scan(&one).Error; err != nil {
		return fmt.Errorf("database ping: %w", err)
	}
	return nil
}

// Close stops watching for changes and closes every connection. It may be
// called more than once.
func (s *Store) Close() error {
	if s.stop != nil {
		select {
		case <-s.stop:
		default:
			close(s.stop)
		}
		s.stopped.Wait()
	}
	s.hot.close()
	var errs []error
	if s.hotPool != nil {
		errs = append(errs, s.hotPool.close())
	}
	seen := map[*sql.DB]bool{}
	for _, g := range []*gorm.DB{s.w, s.r} {
		if g == nil {
			continue
		}
		db, err := g.DB()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if seen[db] {
			continue
		}
		seen[db] = true
		errs = append(errs, db.Close())
	}
	return errors.Join(errs...)
}

// Backup writes a consistent copy of a SQLite database to out, safe while the
// server runs. On Postgres it refuses: use pg_dump there.
func (s *Store) Backup(ctx context.Context, out string) error {
	if s.dialect != migrations.SQLite {
		return errors.New("backup copies SQLite files; for PostgreSQL use pg_dump")
	}
	if out == "" {
		return errors.New("backup: --out is required")
	}
	if err := s.w.WithContext(ctx).Exec("VACUUM INTO ?", out).Error; err != nil {
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	return nil
}

func (s *Store) now() time.Time { return s.cfg.Now().UTC() }

// write runs fn in one write transaction and, when it commits, moves the
// generation on. A unique or foreign key violation that fn did not handle
// itself (a race with another transaction between a check and an insert)
// is ErrConflict, never an internal error.
//
// What fn changes that the public sees (touchClaimPage, touchSharedPages)
// takes the next public version as the transaction's last step.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	t := &touches{}
	err := s.w.WithContext(context.WithValue(ctx, touchesKey{}, t)).Transaction(func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		if err := s.tellEvents(tx, t.events); err != nil {
			return err
		}
		for _, r := range t.desk {
			if err := s.writeDeskTexts(tx, r[0], r[1]); err != nil {
				return err
			}
		}
		if s.beforeTouches != nil {
			s.beforeTouches()
		}
		return s.applyTouches(tx, t)
	})
	if err == nil {
		s.gen.Add(1)
		if t.jobs {
			s.signalJobs()
		}
	}
	if isUniqueViolation(err) && !errors.Is(err, ErrConflict) {
		return fmt.Errorf("%w: a concurrent change took a unique value: %w", ErrConflict, err)
	}
	if isForeignKeyViolation(err) && !errors.Is(err, ErrConflict) {
		return fmt.Errorf("%w: a concurrent change removed a row this one refers to: %w", ErrConflict, err)
	}
	return err
}

// read returns the read pool bound to ctx, or the snapshot ctx reads from
// (see Snapshot).
func (s *Store) read(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(snapshotKey{}).(*gorm.DB); ok {
		return tx.WithContext(ctx)
	}
	return s.r.WithContext(ctx)
}

// SessionLifetime is how long a session lasts at most.
func (s *Store) SessionLifetime() time.Duration { return s.cfg.SessionLifetime }

// Now is the store's clock, in UTC.
func (s *Store) Now() time.Time { return s.now() }
