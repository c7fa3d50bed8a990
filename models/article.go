package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
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
}

// CreateArticle logs an article. Editors and above may.
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
	a := &Article{URL: in.URL, Title: in.Title, Outlet: in.Outlet, Author: in.Author, PublishedAt: published, Body: in.Text, CreatedBy: &actor.ID}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(a).Error; err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "article.create", objectType: "article", objectID: a.ID,
			after: map[string]any{"url": a.URL, "title": a.Title, "outlet": a.Outlet}})
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
