package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// RatingBySlug returns one rating of the scale, or ErrNotFound.
func (s *Store) RatingBySlug(ctx context.Context, slug string) (*Rating, error) {
	var r Rating
	err := s.read(ctx).Where("slug = ?", slug).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("rating %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find rating: %w", err)
	}
	return &r, nil
}
