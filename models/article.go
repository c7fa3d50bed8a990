package models

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// MaxArticleText is the longest article text accepted, in characters.
const MaxArticleText = 200_000

// ArticleInput is what an editor pastes to log an article.
type ArticleInput struct {
	URL         string
	Title       string
	Outlet      string
	Author      string
	PublishedAt string // YYYY-MM-DD, optional
	Text        string
	// AllowDuplicate logs the article even when an article at the same
	// address is logged already (a page whose text has changed since, read
	// again on purpose); the audit event names the articles it repeats.
	AllowDuplicate bool
}

// maxDuplicates is how many articles already logged at an address a
// DuplicateArticleError or ArticlesAt lists.
const maxDuplicates = 5

// DuplicateArticleError means an article was not logged because one at
// the same address, once written one way (see NormalizeArticleURL), is
// logged already; nothing was saved. It is an ErrConflict (HTTP 409).
type DuplicateArticleError struct {
	// Existing are the articles already at that address, oldest first, at
	// most maxDuplicates, without their text.
	Existing []Article
}

// Error names the article already logged.
func (e *DuplicateArticleError) Error() string {
	return fmt.Sprintf("article %d has the same address (%s): %v", e.Existing[0].ID, e.Existing[0].URL, ErrConflict)
}

// Unwrap makes a DuplicateArticleError an ErrConflict.
func (e *DuplicateArticleError) Unwrap() error { return ErrConflict }

// articleURLLock is the first key of the Postgres advisory lock that a
// new article takes on its address's key, so that two requests logging
// the same article at once cannot both find it new.
const articleURLLock = 0x61727469

// CreateArticle logs an article. Editors and above may. An article whose
// address is already logged, once written one way (see
// NormalizeArticleURL), is refused with a *DuplicateArticleError unless
// in.AllowDuplicate is set.
func (s *Store) CreateArticle(ctx context.Context, actor *User, m Meta, in ArticleInput) (*Article, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("create article: %w", ErrForbidden)
	}
	today, err := s.today(s.read(ctx))
	if err != nil {
		return nil, err
	}
	var v Validator
	v.url("url", &in.URL, true)
	v.text("title", &in.Title, true, 300)
	v.text("outlet", &in.Outlet, false, 200)
	v.text("author", &in.Author, false, 200)
	published := v.date("published_at", in.PublishedAt, today)
	// The text is kept exactly as pasted: candidate offsets point into it.
	text := in.Text
	v.text("text", &text, true, MaxArticleText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	a := &Article{URL: in.URL, URLKey: articleURLKey(in.URL), Title: in.Title, Outlet: in.Outlet, Author: in.Author,
		PublishedAt: published, Body: in.Text, CreatedBy: &actor.ID}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if s.dialect == migrations.Postgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?, hashtext(?))", articleURLLock, a.URLKey).Error; err != nil {
				return fmt.Errorf("lock article address: %w", err)
			}
		}
		same, err := articlesAtKey(tx, a.URLKey, 0)
		if err != nil {
			return err
		}
		if len(same) > 0 && !in.AllowDuplicate {
			return &DuplicateArticleError{Existing: same}
		}
		if err := tx.Create(a).Error; err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		after := map[string]any{"url": a.URL, "title": a.Title, "outlet": a.Outlet}
		if len(same) > 0 {
			ids := make([]uint, len(same))
			for i, d := range same {
				ids[i] = d.ID
			}
			after["same_address_as"] = ids
		}
		return s.audit(tx, m, event{actor: actor, action: "article.create", objectType: "article", objectID: a.ID, after: after})
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// GetArticle returns one article.
func (s *Store) GetArticle(ctx context.Context, id uint) (*Article, error) {
	var a Article
	err := s.read(ctx).Where("id = ?", id).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find article: %w", err)
	}
	return &a, nil
}

// ListArticles returns the most recently logged articles.
func (s *Store) ListArticles(ctx context.Context, limit int) ([]Article, error) {
	var out []Article
	if err := s.read(ctx).Select("id, url, title, outlet, author, published_at, created_by, created_at, updated_at").
		Order("created_at DESC, id DESC").Limit(limit).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// ArticlesAt returns the articles logged at url once written one way (see
// NormalizeArticleURL), other than exclude (0 for none), oldest first, at
// most 5, without their text: the articles that logging url again would
// repeat.
func (s *Store) ArticlesAt(ctx context.Context, url string, exclude uint) ([]Article, error) {
	if strings.TrimSpace(url) == "" {
		return nil, nil
	}
	return articlesAtKey(s.read(ctx), articleURLKey(url), exclude)
}

// articlesAtKey returns the articles whose url_key is key, other than
// exclude, oldest first, at most maxDuplicates, without their text.
func articlesAtKey(db *gorm.DB, key string, exclude uint) ([]Article, error) {
	var out []Article
	if err := db.Select("id, url, url_key, title, outlet, author, published_at, created_by, created_at, updated_at").
		Where("url_key = ? AND id <> ?", key, exclude).Order("id").Limit(maxDuplicates).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("articles at the same address: %w", err)
	}
	return out, nil
}

// fillArticleURLKeys writes the url_key of the articles logged before
// migration 00017 added it, a batch per transaction; once every article
// has one, it costs one index seek.
func (s *Store) fillArticleURLKeys(ctx context.Context) error {
	for {
		var batch []Article
		if err := s.w.WithContext(ctx).Select("id, url").Where("url_key = ''").Order("id").Limit(500).Find(&batch).Error; err != nil {
			return fmt.Errorf("articles without an address key: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		err := s.write(ctx, func(tx *gorm.DB) error {
			for _, a := range batch {
				if err := tx.Model(&Article{}).Where("id = ?", a.ID).Update("url_key", articleURLKey(a.URL)).Error; err != nil {
					return fmt.Errorf("fill address key of article %d: %w", a.ID, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
}
