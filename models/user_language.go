package models

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// InterfaceLanguages are the BCP 47 tags of the languages the interface
// speaks, in the language switcher's order, the default (English) first:
// a user's and the site's interface language is one of them. They are the
// tags of i18n.Languages, which give each language its name, direction
// and words; models keeps its own list so as not to depend on the
// interface's package, and a test of that package keeps the two equal.
var InterfaceLanguages = []string{"en", "es", "fr", "pt", "ar"}

// isInterfaceLanguage reports whether tag is exactly one of
// InterfaceLanguages.
func isInterfaceLanguage(tag string) bool { return slices.Contains(InterfaceLanguages, tag) }

// SetLanguage sets the interface language the actor reads the desk in:
// tag is one of InterfaceLanguages, or "" to follow the site's choice
// (the language switcher, the browser's Accept-Language, then the site
// language). Any other tag is a field error on "language". Each user sets
// their own; it returns the user as saved.
func (s *Store) SetLanguage(ctx context.Context, actor *User, m Meta, tag string) (*User, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("set language: %w", ErrForbidden)
	}
	tag = strings.TrimSpace(tag)
	var v Validator
	v.Check(tag == "" || isInterfaceLanguage(tag), "language", ReasonInterfaceLanguage)
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
