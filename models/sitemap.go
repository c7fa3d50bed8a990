package models

import (
	"context"
	"fmt"
	"math"
	"time"

	"claimtracker/migrations"
)

// Sitemaps of a large archive are cut by claim id: part k (from 1) of size
// n lists the public claims whose ids run from (k-1)·n+1 to k·n. A part is
// then one walk of the primary key over at most n claims, wherever it lies
// in the archive, and a new fact-check changes only the part of its id.

// sitemapTable is the claims table as the sitemap queries read it: by
// primary key. On SQLite, NOT INDEXED keeps the planner from reading every
// public claim through the status index and sorting them, which sampled
// statistics (PRAGMA analysis_limit) can make it prefer.
func (s *Store) sitemapTable() string {
	if s.dialect == migrations.SQLite {
		return "claims c NOT INDEXED"
	}
	return "claims c"
}

// PublicLink is a public fact-check as a sitemap lists it.
type PublicLink struct {
	Slug      string
	UpdatedAt time.Time
}

// PublicSitemapParts returns, in order, the numbers of the sitemap parts of
// size claims (see above) that hold at least one public fact-check; none
// when nothing is public. It reads one row per part.
func (s *Store) PublicSitemapParts(ctx context.Context, size int) ([]int, error) {
	if size < 1 {
		return nil, fmt.Errorf("sitemap parts: size must be positive, not %d", size)
	}
	var parts []int
	after := uint(0)
	db := s.read(ctx)
	for {
		// The first public claim after the parts found so far, by primary key.
		var next []uint
		err := db.Raw(`SELECT c.id FROM `+s.sitemapTable()+` WHERE c.id > ? AND c.status IN ('published', 'retracted') ORDER BY c.id LIMIT 1`, after).
			Scan(&next).Error
		if err != nil {
			return nil, fmt.Errorf("sitemap parts: %w", err)
		}
		if len(next) == 0 {
			return parts, nil
		}
		k := int((next[0]-1)/uint(size)) + 1
		parts = append(parts, k)
		after = uint(k) * uint(size)
	}
}

// PublicLinks lists the public fact-checks of sitemap part (from 1) of
// size claims, by id; an empty list when the part holds none, or when part
// or size is out of range.
func (s *Store) PublicLinks(ctx context.Context, part, size int) ([]PublicLink, error) {
	if part < 1 || size < 1 || part > math.MaxInt64/size {
		return nil, nil
	}
	first, last := uint(part-1)*uint(size)+1, uint(part)*uint(size)
	// Scanned by hand: a part is thousands of rows, and two plain columns.
	rows, err := s.read(ctx).Raw(`SELECT c.slug, c.updated_at FROM `+s.sitemapTable()+`
		WHERE c.id BETWEEN ? AND ? AND c.status IN ('published', 'retracted') ORDER BY c.id`, first, last).Rows()
	if err != nil {
		return nil, fmt.Errorf("public links: %w", err)
	}
	defer rows.Close()
	out := make([]PublicLink, 0, min(size, 5000))
	for rows.Next() {
		var l PublicLink
		if err := rows.Scan(&l.Slug, &l.UpdatedAt); err != nil {
			return nil, fmt.Errorf("public links: %w", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("public links: %w", err)
	}
	return out, nil
}
