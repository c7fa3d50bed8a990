package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// IsToken reports whether raw is this session's token.
func (se *Session) IsToken(raw string) bool { return raw != "" && se.TokenHash == hashSecret(raw) }

// ListSessions returns the user's open sessions (not expired, not idle too
// long), most recently used first.
func (s *Store) ListSessions(ctx context.Context, userID uint) ([]Session, error) {
	now := s.now()
	var out []Session
	err := s.read(ctx).Where("user_id = ? AND expires_at > ? AND last_seen_at > ?", userID, now, now.Add(-s.cfg.SessionIdle)).
		Order("last_seen_at DESC, id DESC").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	return out, nil
}

// RevokeSession ends one of actor's own sessions at once. Another user's
// session is ErrNotFound, as is one that has ended already.
func (s *Store) RevokeSession(ctx context.Context, actor *User, m Meta, id uint) error {
	if !actor.Active() {
		return fmt.Errorf("revoke session: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var sess Session
		err := tx.Where("id = ? AND user_id = ?", id, actor.ID).Take(&sess).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("session: %w", ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("find session: %w", err)
		}
		if err := tx.Delete(&sess).Error; err != nil {
			return fmt.Errorf("revoke session: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "session.revoke", objectType: "user", objectID: actor.ID,
			after: map[string]any{"session_id": sess.ID, "ip": sess.IP, "user_agent": sess.UserAgent}})
	})
}
