package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// APIToken lets a program act as a user through the JSON API. Only its hash
// is stored; the token itself is shown once, when it is made.
type APIToken struct {
	ID         uint
	UserID     uint
	Name       string
	TokenHash  string `json:"-"`
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// tokenTouchEvery limits how often a request writes last_used_at.
const tokenTouchEvery = time.Minute

// CreateAPIToken makes a token for the user with email. A user may make
// tokens for themselves; an admin for anyone; a nil actor is the command line.
// The raw token is returned once and never again.
func (s *Store) CreateAPIToken(ctx context.Context, actor *User, m Meta, email, name string) (string, *APIToken, error) {
	var v Validator
	v.text("name", &name, true, 100)
	if err := v.Err(); err != nil {
		return "", nil, err
	}
	owner, err := s.UserByEmail(ctx, email)
	if err != nil {
		return "", nil, err
	}
	if actor != nil && actor.ID != owner.ID && !actor.Can(RoleAdmin) {
		return "", nil, fmt.Errorf("create token: %w", ErrForbidden)
	}
	if !owner.Active() {
		return "", nil, fmt.Errorf("create token for disabled user %s: %w", owner.Email, ErrConflict)
	}
	raw, hash, err := newSecret("ct_")
	if err != nil {
		return "", nil, err
	}
	t := &APIToken{UserID: owner.ID, Name: name, TokenHash: hash, Prefix: raw[:9]}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(t).Error; err != nil {
			return fmt.Errorf("create token: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, actorLabel: "command line", action: "token.create", objectType: "api_token", objectID: t.ID,
			after: map[string]any{"user": owner.Email, "name": name, "prefix": t.Prefix}})
	})
	if err != nil {
		return "", nil, err
	}
	return raw, t, nil
}

// TokenUser returns the active user of a raw API token, or ErrUnauthenticated
// when the token is unknown, revoked, or its user is disabled.
func (s *Store) TokenUser(ctx context.Context, raw string) (*User, error) {
	if raw == "" {
		return nil, ErrUnauthenticated
	}
	var t APIToken
	err := s.read(ctx).Where("token_hash = ?", hashSecret(raw)).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("find token: %w", err)
	}
	if t.RevokedAt != nil {
		return nil, ErrUnauthenticated
	}
	u, err := s.GetUser(ctx, t.UserID)
	if errors.Is(err, ErrNotFound) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, err
	}
	if !u.Active() {
		return nil, ErrUnauthenticated
	}
	now := s.now()
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > tokenTouchEvery {
		if err := s.w.WithContext(ctx).Model(&APIToken{}).Where("id = ?", t.ID).Update("last_used_at", now).Error; err != nil {
			s.cfg.Logger.WarnContext(ctx, "touch token", "err", err)
		}
	}
	return u, nil
}

// ListAPITokens returns a user's tokens, newest first.
func (s *Store) ListAPITokens(ctx context.Context, userID uint) ([]APIToken, error) {
	var out []APIToken
	if err := s.read(ctx).Where("user_id = ?", userID).Order("created_at DESC, id DESC").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

// RevokeAPIToken stops a token from working. Its owner or an admin may.
func (s *Store) RevokeAPIToken(ctx context.Context, actor *User, m Meta, id uint) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var t APIToken
		err := tx.Where("id = ?", id).Take(&t).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("token: %w", ErrNotFound)
		}
		if err != nil {
			return err
		}
		if actor == nil || (actor.ID != t.UserID && !actor.Can(RoleAdmin)) || !actor.Active() {
			return fmt.Errorf("revoke token: %w", ErrForbidden)
		}
		if t.RevokedAt != nil {
			return nil
		}
		now := s.now()
		if err := tx.Model(&t).Update("revoked_at", now).Error; err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "token.revoke", objectType: "api_token", objectID: t.ID, after: map[string]any{"prefix": t.Prefix}})
	})
}

// GetAPIToken returns one token's record (never the token itself).
func (s *Store) GetAPIToken(ctx context.Context, id uint) (*APIToken, error) {
	var t APIToken
	err := s.read(ctx).Where("id = ?", id).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("token: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find token: %w", err)
	}
	return &t, nil
}
