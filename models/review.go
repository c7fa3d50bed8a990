package models

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// ReviewInput is a reviewer's decision on one version of a verdict.
type ReviewInput struct {
	Decision Decision
	Comment  string
	// Version is the version of the verdict the reviewer read and decides
	// on; it must be the current one.
	Version int
}

// ReviewResult tells what a review did.
type ReviewResult struct {
	Review *Review
	// Published is true when this approval reached the quorum and published
	// the verdict and its claim.
	Published bool
}

// ReviewVerdict records a reviewer's decision on the version of a verdict in
// review that the reviewer read. Reviewers and admins may, once per version,
// never on a verdict they wrote or changed (ErrForbidden). in.Version is
// required (a ValidationError without it); when the verdict has changed since
// (another version is current) nothing is recorded and the error is a
// *StaleError. Requesting changes sends the verdict back to its author with
// the comment (EventSentBack), and a claim in review back to research. An
// approval publishes the verdict and the claim when the
// current version has the review quorum of approvals from accounts that are,
// at that moment, active reviewers or admins and none of its authors.
func (s *Store) ReviewVerdict(ctx context.Context, actor *User, m Meta, verdictID uint, in ReviewInput) (*ReviewResult, error) {
	if !actor.Can(RoleReviewer) {
		return nil, fmt.Errorf("review verdict: %w", ErrForbidden)
	}
	var res ReviewResult
	err := s.write(ctx, func(tx *gorm.DB) error {
		v, c, err := lockWithClaim[Verdict](s, tx, "verdict", verdictID)
		if err != nil {
			return err
		}
		authors, err := verdictAuthors(tx, v)
		if err != nil {
			return err
		}
		if slices.Contains(authors, actor.ID) {
			return fmt.Errorf("nobody reviews a verdict they wrote or changed: %w", ErrForbidden)
		}
		var val Validator
		val.Check(in.Decision == DecisionApprove || in.Decision == DecisionRequestChanges, "decision", NewReason("reasons.decision", "must be approve or request_changes"))
		val.Check(in.Version > 0, "version", NewReason("reasons.version_required", "is required: the version of the verdict you read"))
		val.text("comment", &in.Comment, in.Decision == DecisionRequestChanges, 5000)
		if err := val.Err(); err != nil {
			return err
		}
		if v.Status != VerdictInReview {
			return fmt.Errorf("verdict %d is %s, not in review: %w", v.ID, v.Status, ErrConflict)
		}
		if c.Status == ClaimRetracted {
			return fmt.Errorf("claim %d is retracted: %w", c.ID, ErrConflict)
		}
		if in.Version != v.Version {
			return &StaleError{What: fmt.Sprintf("verdict %d", v.ID), Sent: in.Version, Current: v.Version}
		}
		var dup int64
		if err := tx.Model(&Review{}).Where("verdict_id = ? AND reviewer_id = ? AND version = ?", v.ID, actor.ID, v.Version).Count(&dup).Error; err != nil {
			return fmt.Errorf("find earlier review: %w", err)
		}
		if dup > 0 {
			return fmt.Errorf("you already reviewed version %d of verdict %d: %w", v.Version, v.ID, ErrConflict)
		}
		r := &Review{VerdictID: v.ID, ReviewerID: &actor.ID, Version: v.Version, Decision: in.Decision, Comment: in.Comment}
		if err := tx.Create(r).Error; err != nil {
			return fmt.Errorf("insert review: %w", err)
		}
		res.Review = r
		if err := s.audit(tx, m, event{actor: actor, action: "review." + string(in.Decision), objectType: "claim", objectID: v.ClaimID,
			after: map[string]any{"verdict_id": v.ID, "version": v.Version, "decision": in.Decision, "comment": in.Comment}}); err != nil {
			return err
		}
		if in.Decision == DecisionRequestChanges {
			if err := tx.Model(v).Updates(map[string]any{"status": VerdictChangesRequested, "updated_at": s.now()}).Error; err != nil {
				return fmt.Errorf("send verdict back: %w", err)
			}
			if c.Status == ClaimInReview {
				if err := setClaimStatus(tx, c.ID, ClaimResearching, s.now()); err != nil {
					return err
				}
			}
			return s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventSentBack, UserID: v.AuthorID, VerdictID: &v.ID})
		}
		approvals, err := countingApprovals(tx, v, authors)
		if err != nil {
			return err
		}
		if approvals < int64(s.cfg.ReviewQuorum) {
			return nil
		}
		v.ReviewerCount = int(approvals)
		res.Published = true
		return s.publish(tx, actor, m, v, c)
	})
	if err != nil {
		return nil, err
	}
	return &res, nil
}

// countingApprovals counts the distinct reviewers whose approval of v's
// current version counts towards the quorum: accounts that are now active
// reviewers or admins, and none of the verdict's authors.
func countingApprovals(tx *gorm.DB, v *Verdict, authors []uint) (int64, error) {
	q := tx.Table("reviews").Joins("JOIN users ON users.id = reviews.reviewer_id").
		Where("reviews.verdict_id = ? AND reviews.version = ? AND reviews.decision = ?", v.ID, v.Version, DecisionApprove).
		Where("users.disabled_at IS NULL AND users.role IN ?", []Role{RoleReviewer, RoleAdmin})
	if len(authors) > 0 {
		q = q.Where("reviews.reviewer_id NOT IN ?", authors)
	}
	var n int64
	if err := q.Distinct("reviews.reviewer_id").Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count approvals of verdict %d: %w", v.ID, err)
	}
	return n, nil
}

// publish makes v the claim's verdict, actor's approval having reached the
// quorum (EventPublished, and EventCorrected for the correction that a
// newer verdict records). When v carries the review of an update, the update is applied to
// the claim first. An earlier published verdict is superseded, with a
// public correction: a rating change when the rating moved, else an
// update; its note is the update's public note. Every publication is kept
// as a published version of the claim.
func (s *Store) publish(tx *gorm.DB, actor *User, m Meta, v *Verdict, c *Claim) error {
	now := s.now()
	var r Rating
	if err := tx.Where("id = ?", v.RatingID).Take(&r).Error; err != nil {
		return fmt.Errorf("rating of verdict %d: %w", v.ID, err)
	}
	upd, err := updateOfVerdict(tx, v.ID)
	if err != nil {
		return err
	}
	var before *PublishedVersion
	if c.Status == ClaimPublished {
		was, err := loadVersionOf(tx, c.ID)
		if err != nil {
			return err
		}
		bv := versionOf(was)
		bv.Number, before = 1, &bv
		if was.PublishedAt != nil {
			bv.PublishedAt = *was.PublishedAt
		}
		if cur := was.CurrentVerdict(); cur != nil && cur.PublishedAt != nil {
			bv.PublishedAt = *cur.PublishedAt
		}
	}
	if upd != nil {
		if err := s.applyUpdate(tx, actor, m, upd, c); err != nil {
			return err
		}
	}
	var prev []Verdict
	if err := tx.Where("claim_id = ? AND status = ?", c.ID, VerdictPublished).Find(&prev).Error; err != nil {
		return err
	}
	for _, p := range prev {
		if err := tx.Model(&Verdict{}).Where("id = ?", p.ID).Updates(map[string]any{"status": VerdictSuperseded, "updated_at": now}).Error; err != nil {
			return fmt.Errorf("supersede verdict %d: %w", p.ID, err)
		}
		// Without an update's note of its own, the note is left empty:
		// pages and the API phrase it from the kind and the ratings.
		corr := &Correction{ClaimID: c.ID, Kind: CorrectionRatingChange, OldRating: p.RatingLabel, NewRating: r.Label, AuthorID: v.AuthorID}
		if p.RatingSlug == r.Slug {
			corr.Kind, corr.OldRating, corr.NewRating, corr.KeptRating = CorrectionUpdate, "", "", r.Label
		}
		if upd != nil {
			corr.Note = upd.Note
		}
		if err := tx.Create(corr).Error; err != nil {
			return fmt.Errorf("record %s: %w", corr.Kind, err)
		}
		if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventCorrected, VerdictID: &v.ID, CorrectionID: &corr.ID}); err != nil {
			return err
		}
	}
	// The verdict keeps the rating as the scale names it now, whatever
	// happens to the scale later.
	err = tx.Model(v).Updates(map[string]any{"status": VerdictPublished, "published_at": now, "updated_at": now,
		"rating_slug": r.Slug, "rating_label": r.Label, "reviewer_count": v.ReviewerCount}).Error
	if err != nil {
		return fmt.Errorf("publish verdict: %w", err)
	}
	set := map[string]any{"status": ClaimPublished, "updated_at": now}
	if c.PublishedAt == nil {
		set["published_at"] = now
	}
	if err := tx.Model(&Claim{}).Where("id = ?", c.ID).Updates(set).Error; err != nil {
		return fmt.Errorf("publish claim: %w", err)
	}
	if err := s.reindexClaim(tx, c.ID); err != nil {
		return err
	}
	if err := s.recordPublication(tx, c.ID, upd, before, now); err != nil {
		return err
	}
	s.touchClaimPage(tx, c.ID)
	if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventPublished, VerdictID: &v.ID}); err != nil {
		return err
	}
	after := map[string]any{"verdict_id": v.ID, "rating": r.Slug, "superseded": len(prev)}
	if upd != nil {
		after["update_id"] = upd.ID
	}
	return s.audit(tx, m, event{actorLabel: "review quorum", action: "claim.publish", objectType: "claim", objectID: c.ID, after: after})
}
