package models

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// How public pages are versioned
//
// Every change to what the public can see takes the next number of one
// sequence, kept in the one row of public_changes, as the last statement
// of its transaction (see applyTouches): the row's lock makes numbers
// follow commit order, and no clock is read to tell versions apart. The
// row's seq is the version of every list, feed and sitemap; shared_seq is
// that of the last change every page shows (the rating scale, the
// settings); a claim's public_version is that of the last change to its
// own page. A claim page's version is its public_version with shared_seq.
//
// Writers say what they changed with touchClaimPage, touchSharedPages and
// touchSitePages; a transaction that changes nothing public takes no
// number.

// Version identifies the state of everything a public page shows. Equal
// versions mean equal pages, so it keys caches and ETags exactly.
type Version struct {
	// Tag changes whenever anything the page shows changes.
	Tag string
	// Modified is the latest wall-clock time of such a change, for
	// Last-Modified only: it never decreases, but two versions may share it.
	Modified time.Time
	// ClaimID is the claim of a claim page.
	ClaimID uint
	// Seq is the number of the last public change the version includes.
	Seq int64
	// Shared is the seq of the last change to what every page shows (the
	// rating scale, the settings); caches of those key on it.
	Shared int64
}

// publicChanges is the one row of public_changes.
type publicChanges struct {
	Seq             int64
	ChangedMs       int64
	SharedSeq       int64
	SharedChangedMs int64
}

// readPublicChanges reads the public_changes row, from ctx's snapshot when
// it has one.
func (s *Store) readPublicChanges(ctx context.Context) (publicChanges, error) {
	var pc publicChanges
	err := s.scanRow(ctx, "SELECT seq, changed_ms, shared_seq, shared_changed_ms FROM public_changes WHERE id = 1", nil,
		&pc.Seq, &pc.ChangedMs, &pc.SharedSeq, &pc.SharedChangedMs)
	if err != nil {
		return pc, fmt.Errorf("public changes: %w", err)
	}
	return pc, nil
}

// changesAt is the public_changes row as read at a generation.
type changesAt struct {
	gen uint64
	pc  publicChanges
}

// currentChanges is the public_changes row that ctx reads: its snapshot's,
// or else the row as of the store's current generation, which is read at
// most once per generation (see Generation) and so is current for this
// Store's own writes and within moments of anyone else's.
func (s *Store) currentChanges(ctx context.Context) (publicChanges, error) {
	if inSnapshot(ctx) {
		return s.readPublicChanges(ctx)
	}
	gen := s.gen.Load()
	if c := s.changes.Load(); c != nil && c.gen == gen {
		return c.pc, nil
	}
	pc, err := s.readPublicChanges(ctx)
	if err != nil {
		return pc, err
	}
	// Read after gen was, the row is at least as new as gen: a later
	// change moves the generation on, and this copy is dropped.
	s.changes.Store(&changesAt{gen: gen, pc: pc})
	return pc, nil
}

// SiteVersion is the version of everything public: lists, feeds, people
// pages, search and the sitemap change exactly when it does.
func (s *Store) SiteVersion(ctx context.Context) (Version, error) {
	pc, err := s.currentChanges(ctx)
	if err != nil {
		return Version{}, err
	}
	return Version{Tag: fmt.Sprintf("s%d", pc.Seq), Modified: time.UnixMilli(pc.ChangedMs).UTC(), Seq: pc.Seq, Shared: pc.SharedSeq}, nil
}

// ClaimPageVersion reads the version of a public claim page: the claim's
// own, by slug, with the shared version (see currentChanges). Drafts and
// claims in review are ErrNotFound.
func (s *Store) ClaimPageVersion(ctx context.Context, slug string) (Version, error) {
	v, _, _, err := s.ClaimPageRender(ctx, slug, "")
	return v, err
}

// ClaimVersionOf makes a claim page's version from the claim's
// public_version and the shared seq, with their times in Unix
// milliseconds, exactly as ClaimPageVersion does.
func ClaimVersionOf(publicVersion, sharedSeq, claimMs, sharedMs int64) Version {
	return Version{
		Tag:      claimTag(publicVersion, sharedSeq),
		Modified: time.UnixMilli(max(claimMs, sharedMs)).UTC(),
		Seq:      max(publicVersion, sharedSeq),
		Shared:   sharedSeq,
	}
}

// claimTag is a claim page's version tag, "c<publicVersion>.<sharedSeq>",
// made without fmt: it is made on every read of a page not in memory.
func claimTag(publicVersion, sharedSeq int64) string {
	var buf [48]byte
	b := append(buf[:0], 'c')
	b = strconv.AppendInt(b, publicVersion, 10)
	b = append(b, '.')
	return string(strconv.AppendInt(b, sharedSeq, 10))
}

// touches collects, during one write transaction, what it changed that the
// public sees; applyTouches records it at the end.
type touches struct {
	claims []uint
	shared bool
	site   bool
	// jobs is set when the transaction enqueued a job, so that this
	// instance's runner is woken once it commits (see Store.JobsEnqueued).
	jobs bool
	// events are the workflow events recorded, for Store.write to tell
	// (tellEvents) once the transaction's changes are made.
	events []recordedEvent
	// desk are the ranges of claim ids (from, to) whose desk search texts
	// change, for Store.write to rewrite once (writeDeskTexts).
	desk [][2]uint
}

type touchesKey struct{}

// touchesOf returns the touches of the transaction tx belongs to.
func touchesOf(tx *gorm.DB) *touches {
	t, _ := tx.Statement.Context.Value(touchesKey{}).(*touches)
	if t == nil {
		// Every write runs through Store.write, which provides them.
		panic("models: a public change outside Store.write")
	}
	return t
}

// touchClaimPage records that the public page of claim id changes with this
// transaction (and with it every list it is on, if it is public).
func (s *Store) touchClaimPage(tx *gorm.DB, id uint) {
	t := touchesOf(tx)
	if !slices.Contains(t.claims, id) {
		t.claims = append(t.claims, id)
	}
}

// touchSharedPages records that something every public page shows (the
// rating scale, the settings) changes with this transaction.
func (s *Store) touchSharedPages(tx *gorm.DB) { touchesOf(tx).shared = true }

// touchSitePages records that something only the pages of the site version
// show changes with this transaction, such as a speaker's description on
// their page: no claim page and nothing every page shows changes with it.
func (s *Store) touchSitePages(tx *gorm.DB) { touchesOf(tx).site = true }

// publicChannel is the Postgres notification channel on which committed
// public changes are announced, with the schema as payload, so that every
// instance on the database drops its cached versions at once.
const publicChannel = "claimtracker_public"

// applyTouches takes the next number of the public sequence for what tx
// changed and stamps the touched claims with it. It must be the last thing
// a transaction does: the public_changes row stays locked until commit, so
// taking it last keeps the lock short and the lock order the same in every
// transaction (rows first, this row last), which cannot deadlock.
func (s *Store) applyTouches(tx *gorm.DB, t *touches) error {
	if len(t.claims) == 0 && !t.shared && !t.site {
		return nil
	}
	now := s.now().UnixMilli()
	set := "seq = seq + 1, changed_ms = CASE WHEN ? > changed_ms THEN ? ELSE changed_ms END"
	args := []any{now, now}
	if t.shared {
		set += ", shared_seq = seq + 1, shared_changed_ms = CASE WHEN ? > changed_ms THEN ? ELSE changed_ms END"
		args = append(args, now, now)
	}
	var pc publicChanges
	if err := tx.Raw("UPDATE public_changes SET "+set+" WHERE id = 1 RETURNING seq, changed_ms", args...).Scan(&pc).Error; err != nil {
		return fmt.Errorf("next public change: %w", err)
	}
	if pc.Seq == 0 {
		return fmt.Errorf("next public change: the public_changes row is missing")
	}
	if len(t.claims) > 0 {
		err := tx.Exec("UPDATE claims SET public_version = ?, public_changed_ms = ? WHERE id IN ?", pc.Seq, pc.ChangedMs, t.claims).Error
		if err != nil {
			return fmt.Errorf("stamp public claims: %w", err)
		}
	}
	if s.dialect == migrations.Postgres {
		// Delivered when, and only if, the transaction commits.
		if err := tx.Exec("SELECT pg_notify(?, current_schema())", publicChannel).Error; err != nil {
			return fmt.Errorf("announce public change: %w", err)
		}
	}
	return nil
}

type snapshotKey struct{}

// Snapshot runs fn with a context under which every read of the Store sees
// one consistent state of the database: a read-only transaction
// (REPEATABLE READ on Postgres; on SQLite every read transaction is a
// snapshot). A page read and rendered inside one is exactly the page of
// the version read inside it. Nested calls share the outer snapshot.
func (s *Store) Snapshot(ctx context.Context, fn func(ctx context.Context) error) error {
	if inSnapshot(ctx) {
		return fn(ctx)
	}
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == migrations.Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return s.r.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, snapshotKey{}, tx))
	}, opts)
}

// inSnapshot reports whether ctx reads from a Snapshot.
func inSnapshot(ctx context.Context) bool {
	_, ok := ctx.Value(snapshotKey{}).(*gorm.DB)
	return ok
}
