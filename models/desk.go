package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// notSentBack leaves out drafts whose verdict was sent back: those are
// listed, once, under "sent back"; sentBack keeps only those.
const (
	notSentBack = "NOT EXISTS (SELECT 1 FROM verdicts sb WHERE sb.claim_id = claims.id AND sb.status = 'changes_requested')"
	sentBack    = "EXISTS (SELECT 1 FROM verdicts sb WHERE sb.claim_id = claims.id AND sb.status = 'changes_requested')"
)

// markSentBack sets SentBack on the drafts among claims whose verdict a
// reviewer sent back for changes.
func markSentBack(db *gorm.DB, claims []Claim) error {
	var drafts []uint
	for _, c := range claims {
		if c.Status == ClaimDraft {
			drafts = append(drafts, c.ID)
		}
	}
	if len(drafts) == 0 {
		return nil
	}
	var back []uint
	if err := db.Model(&Verdict{}).Where("claim_id IN ? AND status = ?", drafts, VerdictChangesRequested).Distinct().Pluck("claim_id", &back).Error; err != nil {
		return fmt.Errorf("find claims sent back: %w", err)
	}
	set := make(map[uint]bool, len(back))
	for _, id := range back {
		set[id] = true
	}
	for i := range claims {
		claims[i].SentBack = set[claims[i].ID]
	}
	return nil
}

// DeskCounts is what waits for one user on the desk.
type DeskCounts struct {
	MyDrafts          int64
	SentBack          int64
	AwaitingReview    int64
	RecentlyPublished int64
}

// DeskCounts counts the user's drafts, verdicts sent back to them, verdicts
// by others waiting for review (reviewers only), and claims published in the
// last 30 days.
func (s *Store) DeskCounts(ctx context.Context, u *User) (DeskCounts, error) {
	var c DeskCounts
	db := s.read(ctx)
	if err := db.Model(&Claim{}).Where("created_by = ? AND status = ?", u.ID, ClaimDraft).Where(notSentBack).Count(&c.MyDrafts).Error; err != nil {
		return c, fmt.Errorf("count drafts: %w", err)
	}
	if err := db.Model(&Verdict{}).Where("author_id = ? AND status = ?", u.ID, VerdictChangesRequested).Count(&c.SentBack).Error; err != nil {
		return c, fmt.Errorf("count sent back: %w", err)
	}
	if u.Can(RoleReviewer) {
		if err := db.Table("verdicts v").Where("v.status = ?", VerdictInReview).Where(awaitsReviewBy, u.ID, u.ID, u.ID).Count(&c.AwaitingReview).Error; err != nil {
			return c, fmt.Errorf("count awaiting review: %w", err)
		}
	}
	since := s.now().AddDate(0, 0, -30)
	if err := db.Model(&Claim{}).Where("status = ? AND published_at >= ?", ClaimPublished, since).Count(&c.RecentlyPublished).Error; err != nil {
		return c, fmt.Errorf("count published: %w", err)
	}
	return c, nil
}

// QueueItem is one verdict waiting for review.
type QueueItem struct {
	VerdictID    uint
	ClaimID      uint
	ClaimSlug    string
	ClaimSummary string
	RatingSlug   string
	RatingLabel  string
	Version      int
	SubmittedAt  time.Time
}

// awaitsReviewBy is the condition on a verdict "v" that it waits for the
// review of a user (given three times): they are none of its authors and
// have not reviewed its current version.
const awaitsReviewBy = `(v.author_id IS NULL OR v.author_id <> ?)
	AND NOT EXISTS (SELECT 1 FROM verdict_versions vv WHERE vv.verdict_id = v.id AND vv.changed_by = ?)
	AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.verdict_id = v.id AND r.version = v.version AND r.reviewer_id = ?)`

// ReviewQueue lists the verdicts in review that wait for u's review, oldest
// first: none that u wrote or changed, nor ones whose current version u has
// reviewed already. Only reviewers and admins have a queue.
func (s *Store) ReviewQueue(ctx context.Context, u *User) ([]QueueItem, error) {
	if !u.Can(RoleReviewer) {
		return nil, fmt.Errorf("review queue: %w", ErrForbidden)
	}
	var out []QueueItem
	err := s.read(ctx).Table("verdicts v").
		Select("v.id AS verdict_id, c.id AS claim_id, c.slug AS claim_slug, c.summary AS claim_summary, v.rating_slug, v.rating_label, v.version, v.updated_at AS submitted_at").
		Joins("JOIN claims c ON c.id = v.claim_id").
		Where("v.status = ?", VerdictInReview).Where(awaitsReviewBy, u.ID, u.ID, u.ID).
		Order("v.updated_at, v.id").Limit(200).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	return out, nil
}

// VerdictItem is one verdict in a desk list, with its claim and the latest
// reviewer comment.
type VerdictItem struct {
	VerdictID    uint
	ClaimID      uint
	ClaimSlug    string
	ClaimSummary string
	RatingSlug   string
	RatingLabel  string
	Version      int
	UpdatedAt    time.Time
	LastComment  string
}

// DeskLists is what the dashboard shows under each count.
type DeskLists struct {
	MyDrafts          []Claim
	SentBack          []VerdictItem
	AwaitingReview    []QueueItem
	RecentlyPublished []Claim
}

// DeskLists returns the user's drafts, their verdicts sent back with the
// reviewer's last comment, the review queue (reviewers only) and the latest
// published claims, up to limit each.
func (s *Store) DeskLists(ctx context.Context, u *User, limit int) (DeskLists, error) {
	var l DeskLists
	db := s.read(ctx)
	if err := db.Preload("Person").Where("created_by = ? AND status = ?", u.ID, ClaimDraft).Where(notSentBack).
		Order("updated_at DESC, id DESC").Limit(limit).Find(&l.MyDrafts).Error; err != nil {
		return l, fmt.Errorf("list drafts: %w", err)
	}
	err := db.Table("verdicts v").
		Select(`v.id AS verdict_id, c.id AS claim_id, c.slug AS claim_slug, c.summary AS claim_summary, v.rating_slug, v.rating_label, v.version, v.updated_at,
			COALESCE((SELECT r.comment FROM reviews r WHERE r.verdict_id = v.id ORDER BY r.id DESC LIMIT 1), '') AS last_comment`).
		Joins("JOIN claims c ON c.id = v.claim_id").
		Where("v.author_id = ? AND v.status = ?", u.ID, VerdictChangesRequested).
		Order("v.updated_at DESC, v.id DESC").Limit(limit).Scan(&l.SentBack).Error
	if err != nil {
		return l, fmt.Errorf("list sent back: %w", err)
	}
	if u.Can(RoleReviewer) {
		q, err := s.ReviewQueue(ctx, u)
		if err != nil {
			return l, err
		}
		if len(q) > limit {
			q = q[:limit]
		}
		l.AwaitingReview = q
	}
	since := s.now().AddDate(0, 0, -30)
	if err := db.Preload("Person").Where("status = ? AND published_at >= ?", ClaimPublished, since).
		Order("published_at DESC, id DESC").Limit(limit).Find(&l.RecentlyPublished).Error; err != nil {
		return l, fmt.Errorf("list published: %w", err)
	}
	return l, nil
}
