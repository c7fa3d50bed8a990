package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// CorrectionInput is a public note an editor adds to a published claim.
type CorrectionInput struct {
	Kind CorrectionKind // clarification or correction
	Note string
}

// AddCorrection adds a public clarification or correction to a published
// claim and marks the claim as updated (EventCorrected). Rating changes and retractions are
// recorded by their own actions, not here.
func (s *Store) AddCorrection(ctx context.Context, actor *User, m Meta, claimID uint, in CorrectionInput) (*Correction, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("add correction: %w", ErrForbidden)
	}
	var out *Correction
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.lockClaim(tx, claimID)
		if err != nil {
			return err
		}
		var v Validator
		v.Check(in.Kind == CorrectionClarification || in.Kind == CorrectionCorrection, "kind", NewReason("reasons.correction_kind", "must be clarification or correction"))
		v.text("note", &in.Note, true, 5000)
		if err := v.Err(); err != nil {
			return err
		}
		if c.Status != ClaimPublished {
			return fmt.Errorf("claim %d is %s; corrections are for published claims: %w", c.ID, c.Status, ErrConflict)
		}
		corr := &Correction{ClaimID: c.ID, Kind: in.Kind, Note: in.Note, AuthorID: &actor.ID}
		if err := tx.Create(corr).Error; err != nil {
			return fmt.Errorf("insert correction: %w", err)
		}
		if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventCorrected, CorrectionID: &corr.ID}); err != nil {
			return err
		}
		if err := touchClaim(tx, c.ID, s.now()); err != nil {
			return err
		}
		// What is published changed: the index follows it.
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		s.touchClaimPage(tx, c.ID)
		out = corr
		return s.audit(tx, m, event{actor: actor, action: "correction.add", objectType: "claim", objectID: c.ID,
			after: map[string]any{"id": corr.ID, "kind": corr.Kind, "note": corr.Note}})
	})
	return out, err
}

// RetractClaim withdraws a published claim. It stays public, marked as
// retracted with the note; nothing published is ever silently deleted.
// The retraction is a correction (EventCorrected).
// Reviewers and admins may.
func (s *Store) RetractClaim(ctx context.Context, actor *User, m Meta, claimID uint, note string) (*Correction, error) {
	if !actor.Can(RoleReviewer) {
		return nil, fmt.Errorf("retract claim: %w", ErrForbidden)
	}
	var out *Correction
	err := s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.lockClaim(tx, claimID)
		if err != nil {
			return err
		}
		var v Validator
		v.text("note", &note, true, 5000)
		if err := v.Err(); err != nil {
			return err
		}
		if c.Status != ClaimPublished {
			return fmt.Errorf("claim %d is %s; only published claims are retracted: %w", c.ID, c.Status, ErrConflict)
		}
		now := s.now()
		if err := tx.Model(&Claim{}).Where("id = ?", c.ID).Updates(map[string]any{"status": ClaimRetracted, "retracted_at": now, "updated_at": now}).Error; err != nil {
			return fmt.Errorf("retract claim: %w", err)
		}
		if u, err := openUpdateOf(tx, c.ID); err != nil {
			return err
		} else if u != nil {
			// Nothing of a retracted fact-check is published again.
			if err := withdrawUpdate(tx, u, now); err != nil {
				return err
			}
		}
		corr := &Correction{ClaimID: c.ID, Kind: CorrectionRetraction, Note: note, AuthorID: &actor.ID}
		if err := tx.Create(corr).Error; err != nil {
			return fmt.Errorf("record retraction: %w", err)
		}
		if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventCorrected, CorrectionID: &corr.ID}); err != nil {
			return err
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		s.touchClaimPage(tx, c.ID)
		out = corr
		return s.audit(tx, m, event{actor: actor, action: "claim.retract", objectType: "claim", objectID: c.ID,
			before: map[string]any{"status": c.Status}, after: map[string]any{"status": ClaimRetracted, "note": note}})
	})
	return out, err
}

// ClaimHistory returns every audit event about a claim, oldest first:
// its edits, sources, verdicts, reviews, publication and corrections.
func (s *Store) ClaimHistory(ctx context.Context, claimID uint) ([]AuditEvent, error) {
	var n int64
	if err := s.read(ctx).Model(&Claim{}).Where("id = ?", claimID).Count(&n).Error; err != nil {
		return nil, fmt.Errorf("find claim: %w", err)
	}
	if n == 0 {
		return nil, fmt.Errorf("claim %d: %w", claimID, ErrNotFound)
	}
	var out []AuditEvent
	if err := s.read(ctx).Where("object_type = ? AND object_id = ?", "claim", claimID).Order("id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("claim history: %w", err)
	}
	return out, nil
}
