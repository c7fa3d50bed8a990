package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// VerdictInput is a proposed rating with its headline and explanation.
type VerdictInput struct {
	Rating      string // a rating slug from the scale
	Headline    string
	Explanation string // Markdown
	// Language is the BCP 47 tag of the language the headline and
	// explanation are written in; "" detects it from them (see
	// DetectLanguage).
	Language string
	// Version is, for ReviseVerdict, the verdict's Version the author
	// read: when it is no longer current the revision is refused
	// (*StaleError). 0 means not given. ProposeVerdict ignores it.
	Version int
}

// verdictView is what the audit log records of a verdict.
type verdictView struct {
	ID          uint          `json:"id"`
	Rating      string        `json:"rating"`
	Headline    string        `json:"headline"`
	Explanation string        `json:"explanation"`
	Language    string        `json:"language,omitempty"`
	Status      VerdictStatus `json:"status"`
	Version     int           `json:"version"`
}

func (v *Verdict) view() verdictView {
	return verdictView{ID: v.ID, Rating: v.RatingSlug, Headline: v.Headline, Explanation: v.Explanation, Language: v.Language,
		Status: v.Status, Version: v.Version}
}

func (s *Store) validateVerdict(tx *gorm.DB, in *VerdictInput) (*Rating, error) {
	var v Validator
	v.text("headline", &in.Headline, true, 200)
	v.text("explanation", &in.Explanation, true, 20000)
	v.language("language", &in.Language)
	if in.Language == "" && in.Headline != "" && in.Explanation != "" {
		in.Language = DetectLanguage(in.Headline + "\n\n" + PlainText(in.Explanation))
	}
	var r *Rating
	if in.Rating == "" {
		v.Fail("rating", ReasonRequired)
	} else if found, err := ratingBySlug(tx, in.Rating); errors.Is(err, ErrNotFound) {
		v.Fail("rating", NewReason("reasons.not_on_scale", "is not on the rating scale"))
	} else if err != nil {
		return nil, err
	} else {
		r = found
	}
	return r, v.Err()
}

// ProposeVerdict submits a verdict on a claim for review. The claim goes to
// review from draft or researching (a published claim stays published
// until the new verdict is). A claim has at most one verdict open at a
// time: another is ErrConflict.
func (s *Store) ProposeVerdict(ctx context.Context, actor *User, m Meta, claimID uint, in VerdictInput) (*Verdict, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("propose verdict: %w", ErrForbidden)
	}
	var out *Verdict
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.lockClaim(tx, claimID)
		if err != nil {
			return err
		}
		r, err := s.validateVerdict(tx, &in)
		if err != nil {
			return err
		}
		if !c.Status.BeforeReview() && c.Status != ClaimPublished {
			return fmt.Errorf("claim %d is %s: %w", c.ID, c.Status, ErrConflict)
		}
		var open int64
		if err := tx.Model(&Verdict{}).Where("claim_id = ? AND status IN ?", c.ID, []VerdictStatus{VerdictInReview, VerdictChangesRequested}).Count(&open).Error; err != nil {
			return fmt.Errorf("find open verdict: %w", err)
		}
		if open > 0 {
			return fmt.Errorf("claim %d already has a verdict open; revise it instead: %w", c.ID, ErrConflict)
		}
		if u, err := openUpdateOf(tx, c.ID); err != nil {
			return err
		} else if u != nil {
			return fmt.Errorf("claim %d has an open update (%d); its verdict goes with it: %w", c.ID, u.ID, ErrConflict)
		}
		now := s.now()
		v := &Verdict{ClaimID: c.ID, RatingID: r.ID, RatingSlug: r.Slug, RatingLabel: r.Label, Headline: in.Headline,
			Explanation: in.Explanation, Language: in.Language, AuthorID: &actor.ID, Status: VerdictInReview, Version: 1, InReviewSince: &now}
		if err := tx.Omit(clause.Associations).Create(v).Error; err != nil {
			return fmt.Errorf("insert verdict: %w", err)
		}
		if err := s.recordVersion(tx, v, ChangeProposed, actor); err != nil {
			return err
		}
		// The claim is in review before the event is recorded, so that
		// what the event tells (a webhook's payload) is the new state.
		if c.Status.BeforeReview() {
			if err := setClaimStatus(tx, c.ID, ClaimInReview, s.now()); err != nil {
				return err
			}
		}
		if err := s.sentToReview(tx, actor, v); err != nil {
			return err
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		out = v
		return s.audit(tx, m, event{actor: actor, action: "verdict.propose", objectType: "claim", objectID: c.ID, after: v.view()})
	})
	return out, err
}

// ReviseVerdict changes a verdict that is in review or was sent back, and
// submits it again as a new version: approvals of earlier versions no longer
// count, and the reviser becomes one of its authors, who may not approve it.
// Only its first author (or an admin) may revise it. A revision made from
// a version that is no longer current (in.Version; the verdict gets a new
// version whenever it, or its claim's words or sources, change) changes
// nothing and is a *StaleError.
func (s *Store) ReviseVerdict(ctx context.Context, actor *User, m Meta, id uint, in VerdictInput) (*Verdict, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("revise verdict: %w", ErrForbidden)
	}
	var out *Verdict
	err := s.write(ctx, func(tx *gorm.DB) error {
		v, c, err := lockWithClaim[Verdict](s, tx, "verdict", id)
		if err != nil {
			return err
		}
		if !isAuthor(v, actor) && !actor.Can(RoleAdmin) {
			return fmt.Errorf("only the author revises verdict %d: %w", id, ErrForbidden)
		}
		if v.Status != VerdictInReview && v.Status != VerdictChangesRequested {
			return fmt.Errorf("verdict %d is %s: %w", id, v.Status, ErrConflict)
		}
		if c.Status == ClaimRetracted {
			return fmt.Errorf("claim %d is retracted: %w", c.ID, ErrConflict)
		}
		if u, err := updateOfVerdict(tx, v.ID); err != nil {
			return err
		} else if u != nil {
			return &ConflictError{Reason: NewReason("reasons.verdict_of_update", "Verdict {{.ID}} carries the review of update {{.Update}}: change it through the update, so that the update shows what reviewers approve.",
				"ID", idText(v.ID), "Update", idText(u.ID))}
		}
		if err := checkRevision(fmt.Sprintf("verdict %d", id), in.Version, v.Version); err != nil {
			return err
		}
		r, err := s.validateVerdict(tx, &in)
		if err != nil {
			return err
		}
		before := v.view()
		// In review first: newVerdictVersion records the event that
		// tells of it.
		if c.Status.BeforeReview() {
			if err := setClaimStatus(tx, c.ID, ClaimInReview, s.now()); err != nil {
				return err
			}
		}
		if err := s.newVerdictVersion(tx, v, r, in.Headline, in.Explanation, in.Language, ChangeRevised, actor); err != nil {
			return err
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		out = v
		return s.audit(tx, m, event{actor: actor, action: "verdict.revise", objectType: "claim", objectID: c.ID, before: before, after: v.view()})
	})
	return out, err
}

func isAuthor(v *Verdict, u *User) bool { return v.AuthorID != nil && *v.AuthorID == u.ID }

// GetVerdict returns one verdict with its reviews and versions.
func (s *Store) GetVerdict(ctx context.Context, id uint) (*Verdict, error) {
	var v Verdict
	err := s.read(ctx).Preload("Reviews", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Versions", func(db *gorm.DB) *gorm.DB { return db.Order("version") }).Where("id = ?", id).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("verdict %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find verdict: %w", err)
	}
	return &v, nil
}

func setClaimStatus(tx *gorm.DB, id uint, st ClaimStatus, now time.Time) error {
	if err := tx.Model(&Claim{}).Where("id = ?", id).Updates(map[string]any{"status": st, "updated_at": now}).Error; err != nil {
		return fmt.Errorf("set claim status: %w", err)
	}
	return nil
}

func touchClaim(tx *gorm.DB, id uint, now time.Time) error {
	if err := tx.Model(&Claim{}).Where("id = ?", id).Update("updated_at", now).Error; err != nil {
		return fmt.Errorf("touch claim: %w", err)
	}
	return nil
}
