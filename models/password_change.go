package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ChangePassword gives the signed-in actor a new password; the current one
// is required. Every session of the user ends, the one asking included, and
// a fresh session is returned for the browser that asked, so that anyone
// else holding one of the old sessions is signed out. Pending sign-ins and
// unused reset links end too. Field errors name "current_password" or
// "new_password"; a wrong current password is audited.
func (s *Store) ChangePassword(ctx context.Context, actor *User, m Meta, current, next string) (string, error) {
	if !actor.Active() {
		return "", fmt.Errorf("change password: %w", ErrForbidden)
	}
	var v Validator
	v.Check(current != "", "current_password", ReasonRequired)
	if why, ok := checkPassword(next); !ok {
		v.Fail("new_password", why)
	} else if next == current {
		v.Fail("new_password", NewReason("reasons.password_unchanged", "must differ from the current one"))
	}
	if err := v.Err(); err != nil {
		return "", err
	}
	u, err := s.checkOwnPassword(ctx, actor, m, "password.change.failure", "current_password", current)
	if err != nil {
		return "", err
	}
	hash, err := s.hashPassword(ctx, next)
	if err != nil {
		return "", err
	}
	now := s.now()
	raw, sess, err := s.newSession(u, m, now)
	if err != nil {
		return "", err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		// Only if the password is still the one just checked.
		if err := s.replacePassword(tx, u.ID, u.PasswordHash, hash, now); err != nil {
			return err
		}
		if err := tx.Create(sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return s.audit(tx, m, event{actor: u, action: "password.change", objectType: "user", objectID: u.ID})
	})
	if err != nil {
		return "", err
	}
	return raw, nil
}

// SetPassword gives the account with email a new password without asking
// for the old one, and ends all its sessions. It is for the command line,
// which runs with the machine owner's authority.
func (s *Store) SetPassword(ctx context.Context, m Meta, email, password string) (*User, error) {
	if why, ok := checkPassword(password); !ok {
		return nil, Invalid("password", why)
	}
	u, err := s.UserByEmail(ctx, email)
	if err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := s.replacePassword(tx, u.ID, "", hash, s.now()); err != nil {
			return err
		}
		return s.audit(tx, m, event{actorLabel: "command line", action: "password.set", objectType: "user", objectID: u.ID})
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// replacePassword stores a new password hash and ends every way in that
// the old password opened. With oldHash set it replaces only that hash: a
// password changed meanwhile is ErrConflict.
func (s *Store) replacePassword(tx *gorm.DB, userID uint, oldHash, hash string, now time.Time) error {
	q := tx.Model(&User{}).Where("id = ?", userID)
	if oldHash != "" {
		q = q.Where("password_hash = ?", oldHash)
	}
	res := q.Updates(map[string]any{"password_hash": hash, "updated_at": now})
	switch {
	case res.Error != nil:
		return fmt.Errorf("set password: %w", res.Error)
	case res.RowsAffected == 1:
		return s.endSignIns(tx, userID)
	case oldHash != "":
		return fmt.Errorf("set password: it was changed meanwhile: %w", ErrConflict)
	}
	return fmt.Errorf("set password: %w", ErrNotFound)
}

// endSignIns ends the user's sessions and pending sign-ins, and voids their
// unused password reset links.
func (s *Store) endSignIns(tx *gorm.DB, userID uint) error {
	if err := tx.Where("user_id = ?", userID).Delete(&Session{}).Error; err != nil {
		return fmt.Errorf("end sessions: %w", err)
	}
	if err := tx.Where("user_id = ?", userID).Delete(&PendingLogin{}).Error; err != nil {
		return fmt.Errorf("end pending sign-ins: %w", err)
	}
	if err := tx.Where("user_id = ? AND used_at IS NULL", userID).Delete(&PasswordReset{}).Error; err != nil {
		return fmt.Errorf("void reset links: %w", err)
	}
	return nil
}
