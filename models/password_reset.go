package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// PasswordResetLifetime is how long a password reset link works.
const PasswordResetLifetime = 24 * time.Hour

// PasswordReset is a one-time link that lets a user set a new password
// without the old one. An admin makes it and hands it over; only the
// token's hash is stored. It works once, until it expires.
type PasswordReset struct {
	ID        uint
	UserID    uint
	TokenHash string `json:"-"`
	CreatedBy *uint
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// CreatePasswordReset makes a reset link token for the account id and
// returns it (once; it is not stored) with its expiry. Admins only; the
// account must be active (ErrConflict otherwise). The account's earlier
// unused links stop working.
func (s *Store) CreatePasswordReset(ctx context.Context, actor *User, m Meta, id uint) (string, time.Time, error) {
	if !actor.Can(RoleAdmin) {
		return "", time.Time{}, fmt.Errorf("create reset link: %w", ErrForbidden)
	}
	raw, hash, err := newSecret("r_")
	if err != nil {
		return "", time.Time{}, err
	}
	now := s.now()
	by := actor.ID
	r := &PasswordReset{UserID: id, TokenHash: hash, CreatedBy: &by, CreatedAt: now, ExpiresAt: now.Add(PasswordResetLifetime)}
	err = s.write(ctx, func(tx *gorm.DB) error {
		u, err := s.findUser(tx, "id = ?", id)
		if err != nil {
			return err
		}
		if !u.Active() {
			return fmt.Errorf("reset link for disabled account %s: %w", u.Email, ErrConflict)
		}
		if err := tx.Where("user_id = ? AND used_at IS NULL", id).Delete(&PasswordReset{}).Error; err != nil {
			return fmt.Errorf("void older reset links: %w", err)
		}
		if err := tx.Create(r).Error; err != nil {
			return fmt.Errorf("create reset link: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "password_reset.create", objectType: "user", objectID: id,
			after: map[string]any{"reset_id": r.ID, "expires_at": r.ExpiresAt}})
	})
	if err != nil {
		return "", time.Time{}, err
	}
	return raw, r.ExpiresAt, nil
}

// PasswordResetUser returns the account a reset token opens, or ErrNotFound
// when the token is unknown, used, expired, or its account disabled.
func (s *Store) PasswordResetUser(ctx context.Context, token string) (*User, error) {
	r, err := s.openReset(s.read(ctx), token)
	if err != nil {
		return nil, err
	}
	u, err := s.GetUser(ctx, r.UserID)
	if err != nil {
		return nil, err
	}
	if !u.Active() {
		return nil, fmt.Errorf("reset link: %w", ErrNotFound)
	}
	return u, nil
}

// openReset returns the reset link of token while it may still be used.
func (s *Store) openReset(db *gorm.DB, token string) (*PasswordReset, error) {
	if token == "" {
		return nil, fmt.Errorf("reset link: %w", ErrNotFound)
	}
	var r PasswordReset
	err := db.Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", hashSecret(token), s.now()).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("reset link: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find reset link: %w", err)
	}
	return &r, nil
}

// ResetPassword sets a new password with a reset link token and ends all
// the account's sessions. The link is used up in the same transaction, by a
// conditional update, so that of two requests with one link only one can
// succeed; the other gets ErrNotFound, as do unknown, used and expired
// links. A refused password (field "password") leaves the link usable.
func (s *Store) ResetPassword(ctx context.Context, m Meta, token, password string) (*User, error) {
	if why, ok := checkPassword(password); !ok {
		return nil, Invalid("password", why)
	}
	// A link that cannot be used costs no password hash: hashing slots are
	// few (see withHashSlot), and this form is open to anyone.
	if _, err := s.openReset(s.read(ctx), token); err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return nil, err
	}
	var u *User
	err = s.write(ctx, func(tx *gorm.DB) error {
		now := s.now()
		// The one statement that decides: of two requests, the second
		// waits for the first and then finds the link used.
		tokenHash := hashSecret(token)
		res := tx.Model(&PasswordReset{}).Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", tokenHash, now).Update("used_at", now)
		if res.Error != nil {
			return fmt.Errorf("use reset link: %w", res.Error)
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("reset link: %w", ErrNotFound)
		}
		var r PasswordReset
		if err := tx.Where("token_hash = ?", tokenHash).Take(&r).Error; err != nil {
			return fmt.Errorf("find reset link: %w", err)
		}
		var err error
		u, err = s.findUser(tx, "id = ?", r.UserID)
		if err != nil {
			return err
		}
		if !u.Active() {
			return fmt.Errorf("reset link of disabled account: %w", ErrNotFound)
		}
		if err := s.replacePassword(tx, u.ID, "", hash, now); err != nil {
			return err
		}
		return s.audit(tx, m, event{actorLabel: "reset link", action: "password.reset", objectType: "user", objectID: u.ID,
			after: map[string]any{"reset_id": r.ID}})
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
