package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
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
	err := s.read(ctx).Raw("SELECT gz FROM page_renders WHERE key = ? AND tag = ?", key, tag).Row().Scan(&gz)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("page render: %w", err)
	}
	return gz, nil
}

// SavePageRenders stores renders, replacing older ones of the same keys,
// in one transaction. It does not move the generation on: a render is a
// copy of data that has not changed.
func (s *Store) SavePageRenders(ctx context.Context, renders []PageRender) error {
	if len(renders) == 0 {
		return nil
	}
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
	Slug      string
	ClaimAt   string
	PersonAt  string
	StoredTag string
}

// PublicPageStamps lists, in pages of limit after the claim id after, the
// public claims changed at or after since (all when since is zero) with the
// timestamps that version their pages and the tag of each page's stored
// render, keyed as keyPrefix+slug.
func (s *Store) PublicPageStamps(ctx context.Context, keyPrefix string, since time.Time, after uint, limit int) ([]PublicPageStamp, uint, error) {
	var rows []struct {
		ID uint
		PublicPageStamp
	}
	q := s.read(ctx).Table("claims c").
		Select(`c.id, c.slug, CAST(c.updated_at AS TEXT) AS claim_at, CAST(p.updated_at AS TEXT) AS person_at, COALESCE(r.tag, '') AS stored_tag`).
		Joins("JOIN people p ON p.id = c.person_id").
		Joins("LEFT JOIN page_renders r ON r.key = ? || c.slug", keyPrefix).
		Where("c.status IN ('published', 'retracted') AND c.id > ?", after)
	if !since.IsZero() {
		q = q.Where("c.updated_at >= ?", since)
	}
	err := q.Order("c.id").Limit(limit).Scan(&rows).Error
	if err != nil {
		return nil, 0, fmt.Errorf("public page stamps: %w", err)
	}
	out := make([]PublicPageStamp, len(rows))
	last := after
	for i, r := range rows {
		out[i] = r.PublicPageStamp
		last = r.ID
	}
	return out, last, nil
}

// SharedStamps are the timestamps of what many claim pages show at once:
// the rating scale and the settings (on every page), and the latest change
// to any speaker.
type SharedStamps struct {
	ScaleAt, SettingsAt, PeopleAt string
}

// SharedStamps reads the shared timestamps.
func (s *Store) SharedStamps(ctx context.Context) (SharedStamps, error) {
	var row SharedStamps
	err := s.read(ctx).Raw(`SELECT ` + latestSettings + `,
		(SELECT CAST(updated_at AS TEXT) FROM people ORDER BY updated_at DESC LIMIT 1) AS people_at`).Scan(&row).Error
	if err != nil {
		return row, fmt.Errorf("shared stamps: %w", err)
	}
	return row, nil
}

// ClaimVersionOf makes a claim page's version from its stamps, exactly as
// ClaimPageVersion does.
func ClaimVersionOf(claimAt, personAt, scaleAt, settingsAt string) Version {
	return versionOf(claimAt, personAt, scaleAt, settingsAt)
}

// PageRenderCount counts the stored renders.
func (s *Store) PageRenderCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Raw("SELECT count(*) FROM page_renders").Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("count page renders: %w", err)
	}
	return n, nil
}
