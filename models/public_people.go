package models

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Speakers in public: who has public fact-checks, and each one's scorecard.

// RatingCount is how many of a speaker's published claims got one rating.
type RatingCount struct {
	RatingSlug  string
	RatingLabel string
	Position    int
	Count       int
}

// Scorecard counts a speaker's published fact-checks per rating, in the
// scale's order; ratings with no claims are included with 0. Retracted
// claims are not counted. It reads the speaker's public claims only.
func (s *Store) Scorecard(ctx context.Context, personID uint) ([]RatingCount, error) {
	var out []RatingCount
	err := s.read(ctx).Raw(`SELECT r.slug AS rating_slug, r.label AS rating_label, r.position, COALESCE(n.count, 0) AS count
		FROM ratings r LEFT JOIN (
			SELECT c.rating_slug, count(*) AS count FROM claims c
			WHERE c.person_id = ? AND c.status IN ('published', 'retracted') AND c.status = ?
			GROUP BY c.rating_slug) n ON n.rating_slug = r.slug
		ORDER BY r.position, r.id`, personID, ClaimPublished).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("scorecard: %w", err)
	}
	return out, nil
}

// PublicPerson is a speaker with at least one public fact-check.
type PublicPerson struct {
	Person
	Claims int
}

// PublicPeople lists the speakers who have public fact-checks, by name,
// with how many each has; the speakers of drafts stay private. The count is
// people.public_claims, which the database keeps in step with every change
// of a claim's status or speaker (migration 00013), so the list is one walk
// of an index of the speakers that have any.
func (s *Store) PublicPeople(ctx context.Context) ([]PublicPerson, error) {
	var out []PublicPerson
	err := s.read(ctx).Table("people p").
		Select("p.*, p.public_claims AS claims").
		Where("p.public_claims > 0").
		Order("p.name, p.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("public people: %w", err)
	}
	return out, nil
}

// PublicPersonBySlug returns a speaker who has public fact-checks; others
// are ErrNotFound.
func (s *Store) PublicPersonBySlug(ctx context.Context, slug string) (*Person, error) {
	var p Person
	err := s.read(ctx).Where("slug = ? AND public_claims > 0", slug).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("person %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	return &p, nil
}
