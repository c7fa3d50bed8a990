package models

import (
	"context"
	"fmt"
)

// UserNames returns the display names of the given accounts by id. Ids
// with no account are left out.
func (s *Store) UserNames(ctx context.Context, ids []uint) (map[uint]string, error) {
	out := make(map[uint]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID   uint
		Name string
	}
	if err := s.read(ctx).Model(&User{}).Select("id, name").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("user names: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

// SourceCounts returns how many sources each claim has, by claim id.
// Claims with none are left out.
func (s *Store) SourceCounts(ctx context.Context, claimIDs []uint) (map[uint]int, error) {
	out := make(map[uint]int, len(claimIDs))
	if len(claimIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ClaimID uint
		N       int
	}
	err := s.read(ctx).Model(&Source{}).Select("claim_id, COUNT(*) AS n").
		Where("claim_id IN ?", claimIDs).Group("claim_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count sources: %w", err)
	}
	for _, r := range rows {
		out[r.ClaimID] = r.N
	}
	return out, nil
}

// ArticleClaims returns the claims logged from an article with their
// speakers, in the order they were logged, with SentBack set.
func (s *Store) ArticleClaims(ctx context.Context, articleID uint) ([]Claim, error) {
	var out []Claim
	if err := s.read(ctx).Preload("Person").Where("article_id = ?", articleID).Order("id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("claims of article %d: %w", articleID, err)
	}
	return out, markSentBack(s.read(ctx), out)
}
