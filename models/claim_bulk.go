package models

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"
)

// Bulk actions change many claims at once, from the desk's list: each is
// all or nothing, in one transaction, and changes each claim through the
// same path as the single action (updateClaim, deleteClaim), so that each
// claim gets the audit event and the workflow event the single action
// gives it. A selection that holds a claim the action may not change
// changes none and is a *ConflictError that says how many stand in the
// way.

// MaxBulkClaims is the most claims one bulk action may change.
const MaxBulkClaims = 200

// bulkIDs checks the ids of a bulk action: from 1 to MaxBulkClaims
// distinct ids (a *ValidationError naming "ids" otherwise); it returns
// them in ascending order, the order in which their rows are locked.
func bulkIDs(ids []uint) ([]uint, error) {
	out := slices.Clone(ids)
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 || out[0] == 0 {
		return nil, Invalid("ids", NewReason("reasons.bulk_none", "choose at least one claim"))
	}
	if len(out) > MaxBulkClaims {
		return nil, Invalid("ids", ReasonMaxItems(MaxBulkClaims))
	}
	return out, nil
}

// bulkClaims reads the status, author and publication of the claims ids
// in tx: a *ConflictError when some no longer exist (deleted since the
// list was shown), so that nothing is changed for a stale selection.
func bulkClaims(tx *gorm.DB, ids []uint) ([]Claim, error) {
	var claims []Claim
	if err := tx.Select("id, status, created_by, published_at").Where("id IN ?", ids).Order("id").Find(&claims).Error; err != nil {
		return nil, fmt.Errorf("read chosen claims: %w", err)
	}
	if n := len(ids) - len(claims); n > 0 {
		return nil, &ConflictError{Reason: NewCountReason("reasons.bulk_missing", n,
			"One of the chosen claims no longer exists, so nothing was changed. Reload the list and choose again.",
			"{{.Count}} of the chosen claims no longer exist, so nothing was changed. Reload the list and choose again.")}
	}
	return claims, nil
}

// BulkAssign assigns the claims ids (at most MaxBulkClaims) to the account
// assigneeID, or to nobody when it is 0, as UpdateClaim does one claim's
// assignee: each claim newly assigned records an EventAssigned and a
// "claim.triage" audit event. Editors and above may. It returns how many
// claims were chosen. A refused assignee is a *ValidationError naming
// "assignee_id"; see bulkIDs and bulkClaims for the others.
func (s *Store) BulkAssign(ctx context.Context, actor *User, m Meta, ids []uint, assigneeID uint) (int, error) {
	if !actor.Can(RoleEditor) {
		return 0, fmt.Errorf("assign claims: %w", ErrForbidden)
	}
	ids, err := bulkIDs(ids)
	if err != nil {
		return 0, err
	}
	return len(ids), s.write(ctx, func(tx *gorm.DB) error {
		if _, err := bulkClaims(tx, ids); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := s.updateClaim(tx, actor, m, id, ClaimPatch{AssigneeID: &assigneeID}); err != nil {
				return err
			}
		}
		return nil
	})
}

// BulkTag adds the tag (normalised as a claim's tags are: see
// normalizeTags) to the claims ids that lack it, as UpdateClaim changes
// one claim's tags, with a "claim.update" audit event each. Tags change
// only before review, as a claim's other words: a selection holding a
// claim in review, published or retracted is a *ConflictError. A tag
// that is empty or too long, or a claim that has the most tags already,
// is a *ValidationError naming "tag". Editors and above may. It returns
// how many claims were chosen, and the tag as stored.
func (s *Store) BulkTag(ctx context.Context, actor *User, m Meta, ids []uint, tag string) (int, string, error) {
	if !actor.Can(RoleEditor) {
		return 0, "", fmt.Errorf("tag claims: %w", ErrForbidden)
	}
	var v Validator
	v.text("tag", &tag, true, maxTag)
	tags := normalizeTags([]string{tag})
	if v.Err() == nil && len(tags) == 0 {
		v.Fail("tag", NewReason("reasons.tag_letters", "must hold a letter or a digit"))
	}
	if err := v.Err(); err != nil {
		return 0, "", err
	}
	tag = tags[0]
	ids, err := bulkIDs(ids)
	if err != nil {
		return 0, "", err
	}
	return len(ids), tag, s.write(ctx, func(tx *gorm.DB) error {
		claims, err := bulkClaims(tx, ids)
		if err != nil {
			return err
		}
		late := 0
		for _, c := range claims {
			if !c.Status.BeforeReview() {
				late++
			}
		}
		if late > 0 {
			return &ConflictError{Reason: NewCountReason("reasons.bulk_tag_late", late,
				"One of the chosen claims is in review, published or retracted, and its tags change only before review, so nothing was tagged.",
				"{{.Count}} of the chosen claims are in review, published or retracted, and their tags change only before review, so nothing was tagged.")}
		}
		var have []ClaimTag
		if err := tx.Where("claim_id IN ?", ids).Order("claim_id, tag").Find(&have).Error; err != nil {
			return fmt.Errorf("read tags of chosen claims: %w", err)
		}
		byClaim := map[uint][]string{}
		for _, t := range have {
			byClaim[t.ClaimID] = append(byClaim[t.ClaimID], t.Tag)
		}
		for _, id := range ids {
			current := byClaim[id]
			if slices.Contains(current, tag) {
				continue
			}
			if len(current) >= maxTags {
				return Invalid("tag", NewReason("reasons.bulk_tags_full", "cannot be added to claim {{.ID}}, which has {{.Max}} tags already, the most a claim may have",
					"ID", idText(id), "Max", maxTags))
			}
			if _, err := s.updateClaim(tx, actor, m, id, ClaimPatch{Tags: new(append(current, tag))}); err != nil {
				return err
			}
		}
		return nil
	})
}

// BulkDiscard deletes the claims ids for good, as DeleteClaim deletes one,
// with a "claim.delete" audit event each: only claims that may be deleted
// (Claim.Deletable: never published and not in review) by the actor
// (MayDelete: whoever logged them, or an admin). When any chosen claim may
// not, none is deleted: a *ConflictError says how many. It returns how
// many claims were deleted.
func (s *Store) BulkDiscard(ctx context.Context, actor *User, m Meta, ids []uint) (int, error) {
	if !actor.Can(RoleEditor) {
		return 0, fmt.Errorf("discard claims: %w", ErrForbidden)
	}
	ids, err := bulkIDs(ids)
	if err != nil {
		return 0, err
	}
	return len(ids), s.write(ctx, func(tx *gorm.DB) error {
		claims, err := bulkClaims(tx, ids)
		if err != nil {
			return err
		}
		kept := 0
		for _, c := range claims {
			if !c.Deletable() || !MayDelete(actor, c.CreatedBy) {
				kept++
			}
		}
		if kept > 0 {
			return &ConflictError{Reason: NewCountReason("reasons.bulk_discard_kept", kept,
				"One of the chosen claims cannot be discarded, so none was: only claims never published and not in review can be, by whoever logged them or an admin.",
				"{{.Count}} of the chosen claims cannot be discarded, so none was: only claims never published and not in review can be, by whoever logged them or an admin.")}
		}
		for _, id := range ids {
			if err := s.deleteClaim(tx, actor, m, id, 0); err != nil {
				return err
			}
		}
		return nil
	})
}
