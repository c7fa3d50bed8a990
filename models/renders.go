package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// PageRender is a rendered public page kept in the database, compressed,
// under the tag (ETag) of the data it shows, so that a page is rendered
// once per change rather than once per process or per eviction.
type PageRender struct {
	Key  string
	Tag  string
	Gzip []byte
}

// PageRender returns the stored render of key when its tag is tag, or
// ErrNotFound.
func (s *Store) PageRender(ctx context.Context, key, tag string) ([]byte, error) {
	var gz []byte
	err := s.scanRow(ctx, "SELECT gz FROM page_renders WHERE key = ? AND tag = ?", []any{key, tag}, &gz)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("page render: %w", err)
	}
	return gz, nil
}

// ClaimPageRender reads, in one statement, the version of the claim page
// of slug (as ClaimPageVersion does, ErrNotFound when it is not public)
// and the stored render under key with its tag; tag is "" when none is
// stored. The caller serves gz only when tag is the ETag of v: a render is
// stored only under the version it shows.
func (s *Store) ClaimPageRender(ctx context.Context, slug, key string) (v Version, tag string, gz []byte, err error) {
	// Two rows at most, told apart by the first column: the claim's, and
	// the render's.
	var id uint
	var publicVersion, publicChangedMs int64
	// One value to scan each row into, so that the scan's destinations
	// are one allocation rather than one each.
	var row struct {
		kind   int
		id     uint
		pv, ms int64
		tag    string
		gz     []byte
	}
	err = s.eachRow(ctx, claimPageRenderSQL[s.dialect], []any{slug, key}, func(r rowScanner) error {
		if err := r.Scan(&row.kind, &row.id, &row.pv, &row.ms, &row.tag, &row.gz); err != nil {
			return err
		}
		if row.kind == 0 {
			id, publicVersion, publicChangedMs = row.id, row.pv, row.ms
		} else {
			tag, gz = row.tag, row.gz
		}
		return nil
	})
	if err != nil {
		return v, "", nil, fmt.Errorf("claim page and render: %w", err)
	}
	if id == 0 {
		return v, "", nil, fmt.Errorf("claim %q: %w", slug, ErrNotFound)
	}
	pc, err := s.currentChanges(ctx)
	if err != nil {
		return v, "", nil, err
	}
	v = ClaimVersionOf(publicVersion, pc.SharedSeq, publicChangedMs, pc.SharedChangedMs)
	v.ClaimID = id
	return v, tag, gz, nil
}

// claimPageRenderSQL is ClaimPageRender's statement, by dialect. The
// claim's row is read from idx_claims_public_slug alone (migration 00014),
// which holds every column the statement asks for; SQLite must be told to
// use it, since it takes the unique index on slug whenever a statement
// names the whole of it, and then reads the claims table too.
var claimPageRenderSQL = map[migrations.Dialect]string{
	migrations.SQLite:   claimPageRenderFrom("claims c INDEXED BY idx_claims_public_slug"),
	migrations.Postgres: claimPageRenderFrom("claims c"),
}

func claimPageRenderFrom(claims string) string {
	return `SELECT 0, c.id, c.public_version, c.public_changed_ms, '', NULL FROM ` + claims + `
		WHERE c.slug = ? AND c.status IN ('published', 'retracted')
		UNION ALL SELECT 1, 0, 0, 0, r.tag, r.gz FROM page_renders r WHERE r.key = ?`
}

// SavePageRenders stores renders, replacing older ones of the same keys,
// in one transaction; of two renders of one key in renders, the later is
// kept. It does not move the generation on: a render is a copy of data
// that has not changed. Rows are written in the order of their keys, so
// that batches saved at once by several instances, each holding the same
// pages in another order, wait for one another instead of deadlocking.
func (s *Store) SavePageRenders(ctx context.Context, renders []PageRender) error {
	if len(renders) == 0 {
		return nil
	}
	renders = slices.Clone(renders)
	slices.SortStableFunc(renders, func(a, b PageRender) int { return strings.Compare(a.Key, b.Key) })
	kept := renders[:0]
	for i, r := range renders {
		if i+1 < len(renders) && renders[i+1].Key == r.Key {
			continue // a later render of the same page follows
		}
		kept = append(kept, r)
	}
	renders = kept
	now := s.now()
	return s.w.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, r := range renders {
			err := tx.Exec(`INSERT INTO page_renders (key, tag, gz, rendered_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET tag = excluded.tag, gz = excluded.gz, rendered_at = excluded.rendered_at`,
				r.Key, r.Tag, r.Gzip, now).Error
			if err != nil {
				return fmt.Errorf("save page render: %w", err)
			}
		}
		return nil
	})
}

// PublicPageStamp is what a public claim page's version is made of, with
// the tag of its stored render, if any.
type PublicPageStamp struct {
	Slug          string
	PublicVersion int64
	ChangedMs     int64
	StoredTag     string
}

// PublicPageStamps walks the claims in id order, limit at a time after the
// claim id after, and lists those of them that are public and whose pages
// changed after the public change since (see Version; all when since is
// 0), with their pages' versions and the tag of each page's stored
// render, keyed as keyPrefix+slug+keySuffix. last is the id of the last claim
// walked, public or not; the walk is over when it equals after.
//
// The walk follows the primary key and filters the rest, so that each
// call costs the same however far the walk has gone: a filter on the
// status would let a planner without statistics (SQLite's, before its
// first ANALYZE) walk the status index instead and sort every public
// claim on each call.
func (s *Store) PublicPageStamps(ctx context.Context, keyPrefix, keySuffix string, since int64, after uint, limit int) (stamps []PublicPageStamp, last uint, err error) {
	var rows []struct {
		ID     uint
		Status ClaimStatus
		PublicPageStamp
	}
	q := s.read(ctx).Table("claims c").
		Select(`c.id, c.status, c.slug, c.public_version, c.public_changed_ms AS changed_ms, COALESCE(r.tag, '') AS stored_tag`).
		Joins("LEFT JOIN page_renders r ON r.key = ? || c.slug || ?", keyPrefix, keySuffix).
		Where("c.id > ?", after)
	if since > 0 {
		q = q.Where("c.public_version > ?", since)
	}
	if err := q.Order("c.id").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("public page stamps: %w", err)
	}
	last = after
	for _, r := range rows {
		if slices.Contains(publicStatuses, r.Status) {
			stamps = append(stamps, r.PublicPageStamp)
		}
		last = r.ID
	}
	return stamps, last, nil
}

// PageRenderCount counts the stored renders.
func (s *Store) PageRenderCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Raw("SELECT count(*) FROM page_renders").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count page renders: %w", err)
	}
	return n, nil
}
