package models

import (
	"context"
	"fmt"
)

// Ratings returns the rating scale in display order: ordered ratings best
// first, then the unordered ones.
func (s *Store) Ratings(ctx context.Context) ([]Rating, error) {
	var out []Rating
	if err := s.read(ctx).Order("position, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list ratings: %w", err)
	}
	return out, nil
}
