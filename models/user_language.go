package models

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"claimtracker/i18n"
)

// SetLanguage sets the interface language the actor reads the desk in:
// tag is one of i18n.Languages' tags, or "" to follow the site's choice
// (the language switcher, the browser's Accept-Language, then the site
// language). Any other tag is a field error on "language". Each user sets
// their own; it returns the user as saved.
func (s *Store) SetLanguage(ctx context.Context, actor *User, m Meta, tag string) (*User, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("set language: %w", ErrForbidden)
	}
	tag = strings.TrimSpace(tag)
	var v Validator
	v.Check(tag == "" || i18n.Supported(tag), "language", "must be one of the interface languages")
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out User
	err := s.write(ctx, func(tx *gorm.DB) error {
		var before User
		if err := tx.First(&before, actor.ID).Error; err != nil {
			return fmt.Errorf("read user %d: %w", actor.ID, err)
		}
		if err := tx.Model(&User{}).Where("id = ?", actor.ID).Updates(map[string]any{"language": tag, "updated_at": s.now()}).Error; err != nil {
			return fmt.Errorf("set language of user %d: %w", actor.ID, err)
		}
		if err := tx.First(&out, actor.ID).Error; err != nil {
			return fmt.Errorf("read user %d: %w", actor.ID, err)
		}
		return s.audit(tx, m, event{actor: actor, action: "user.language", objectType: "user", objectID: actor.ID,
			before: map[string]string{"language": before.Language}, after: map[string]string{"language": tag}})
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
