package models

import (
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// recordVersion stores what version v.Version of a verdict says and who made
// it. Call it in the transaction that made the version.
func (s *Store) recordVersion(tx *gorm.DB, v *Verdict, change VersionChange, by *User) error {
	touchDeskTexts(tx, v.ClaimID, v.ClaimID) // the desk searches its words
	row := &VerdictVersion{VerdictID: v.ID, Version: v.Version, Change: change, RatingSlug: v.RatingSlug,
		Headline: v.Headline, Explanation: v.Explanation, CreatedAt: s.now()}
	if by != nil {
		row.ChangedBy = &by.ID
	}
	if err := tx.Create(row).Error; err != nil {
		return fmt.Errorf("record version %d of verdict %d: %w", v.Version, v.ID, err)
	}
	return nil
}

// newVerdictVersion saves v (locked by the caller) with rating r, headline,
// explanation and their language tag as its next version, in review, and
// records the version as change made by actor. A verdict that was sent
// back goes to review again: it waits in the queue from now
// (EventSentToReview).
func (s *Store) newVerdictVersion(tx *gorm.DB, v *Verdict, r *Rating, headline, explanation, lang string, change VersionChange, actor *User) error {
	back := v.Status != VerdictInReview
	v.RatingID, v.RatingSlug, v.RatingLabel, v.Headline, v.Explanation, v.Language = r.ID, r.Slug, r.Label, headline, explanation, lang
	v.Status, v.Version = VerdictInReview, v.Version+1
	columns := []string{"rating_id", "rating_slug", "rating_label", "headline", "explanation", "language", "status", "version", "updated_at"}
	if back {
		now := s.now()
		v.InReviewSince = &now
		columns = append(columns, "in_review_since")
	}
	if err := tx.Model(v).Select(columns).Updates(v).Error; err != nil {
		return fmt.Errorf("new version of verdict %d: %w", v.ID, err)
	}
	if err := s.recordVersion(tx, v, change, actor); err != nil {
		return err
	}
	if back {
		return s.sentToReview(tx, actor, v)
	}
	return nil
}

// sentToReview records that v went to review, sent by actor.
func (s *Store) sentToReview(tx *gorm.DB, actor *User, v *Verdict) error {
	return s.recordEvent(tx, actor, ClaimEvent{ClaimID: v.ClaimID, Kind: EventSentToReview, VerdictID: &v.ID})
}

// newVersionOfOpenVerdict gives the claim's open verdict (in review or sent
// back), if it has one, a new version because what it judges changed: the
// claim's words or its sources. Approvals of the old version stop counting,
// and the actor becomes one of the verdict's authors. The caller holds the
// claim's lock.
func (s *Store) newVersionOfOpenVerdict(tx *gorm.DB, claimID uint, actor *User, change VersionChange) error {
	var open Verdict
	err := tx.Where("claim_id = ? AND status IN ?", claimID, []VerdictStatus{VerdictInReview, VerdictChangesRequested}).
		Order("id DESC").Take(&open).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find open verdict of claim %d: %w", claimID, err)
	}
	open.Version++
	if err := tx.Model(&Verdict{}).Where("id = ?", open.ID).Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": s.now()}).Error; err != nil {
		return fmt.Errorf("new version of verdict %d: %w", open.ID, err)
	}
	return s.recordVersion(tx, &open, change, actor)
}

// verdictAuthors lists everyone who wrote a version of v, its first author
// included: none of them may approve it.
func verdictAuthors(tx *gorm.DB, v *Verdict) ([]uint, error) {
	var ids []uint
	if err := tx.Model(&VerdictVersion{}).Where("verdict_id = ? AND changed_by IS NOT NULL", v.ID).
		Distinct().Pluck("changed_by", &ids).Error; err != nil {
		return nil, fmt.Errorf("authors of verdict %d: %w", v.ID, err)
	}
	if v.AuthorID != nil && !slices.Contains(ids, *v.AuthorID) {
		ids = append(ids, *v.AuthorID)
	}
	// Whoever saved the update that the verdict carries wrote it too.
	var u ClaimUpdate
	if err := tx.Where("verdict_id = ?", v.ID).Limit(1).Find(&u).Error; err != nil {
		return nil, fmt.Errorf("update of verdict %d: %w", v.ID, err)
	}
	for _, id := range u.Editors {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// IsAuthor reports whether u wrote or changed any version of v: the first
// author, whoever revised it, and whoever changed its claim's words or
// sources while it was open. Authors may not approve the verdict. It reads
// v.Versions, which loading a claim fills.
func (v *Verdict) IsAuthor(u *User) bool {
	if u == nil {
		return false
	}
	if v.AuthorID != nil && *v.AuthorID == u.ID {
		return true
	}
	for _, x := range v.Versions {
		if x.ChangedBy != nil && *x.ChangedBy == u.ID {
			return true
		}
	}
	return false
}
