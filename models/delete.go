package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
)

// Deleting is for what was never public: a draft claim logged by mistake
// or twice, an article read for nothing. What the public has seen is never
// deleted: a published claim is retracted instead, and keeps its page.
// Each deletion leaves an audit event with what was deleted, which
// outlives it (the audit log is append-only).

// deletedClaimView is what the audit log keeps of a deleted claim.
type deletedClaimView struct {
	claimView
	Slug     string      `json:"slug"`
	Status   ClaimStatus `json:"status"`
	Sources  int         `json:"sources"`
	Verdicts int         `json:"verdicts"`
}

// MayDelete reports whether actor may delete a claim or an article that
// createdBy logged (nil when that account is gone): whoever logged it, or
// an admin. Whether it may be deleted at all is another question (see
// Claim.Deletable).
func MayDelete(actor *User, createdBy *uint) bool {
	return actor != nil && (actor.Can(RoleAdmin) || (actor.Can(RoleEditor) && createdBy != nil && *createdBy == actor.ID))
}

// Deletable reports whether the claim may be deleted: a claim never
// published that has not gone to review (a draft, or one being
// researched, sent back included). A claim in review waits for its
// review; a published or retracted claim is never deleted.
func (c *Claim) Deletable() bool {
	return c.Status.BeforeReview() && c.PublishedAt == nil
}

// DeleteClaim deletes a claim not yet sent to review (see Deletable) with
// its tags, sources, notes and the verdicts proposed on it (sent back,
// never published) and their reviews, in one transaction with a
// "claim.delete" audit event that keeps the claim's
// fields. Its author or an admin may (ErrForbidden for anyone else).
// Claims in review, published or retracted are a *ConflictError saying
// why: a published claim is retracted, never deleted. revision is the claim's Revision the
// caller read: when it is no longer current nothing is deleted and the
// error is a *StaleError; 0 means not given. Nothing public changes.
func (s *Store) DeleteClaim(ctx context.Context, actor *User, m Meta, id uint, revision int) error {
	if !actor.Can(RoleEditor) {
		return fmt.Errorf("delete claim: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error { return s.deleteClaim(tx, actor, m, id, revision) })
}

// deleteClaim is DeleteClaim inside the transaction tx, for an editor or
// above: every deletion of a claim, alone or one of many (see
// BulkDiscard), takes this one path.
func (s *Store) deleteClaim(tx *gorm.DB, actor *User, m Meta, id uint, revision int) error {
	locked, err := s.lockClaim(tx, id)
	if err != nil {
		return err
	}
	if !MayDelete(actor, locked.CreatedBy) {
		return fmt.Errorf("delete claim %d: only its author or an admin may: %w", id, ErrForbidden)
	}
	if !locked.Deletable() {
		return &ConflictError{Reason: undeletableClaim(locked.Status)}
	}
	if err := checkRevision(fmt.Sprintf("claim %d", id), revision, locked.Revision); err != nil {
		return err
	}
	c, err := s.loadClaim(tx, "claims.id = ?", id)
	if err != nil {
		return err
	}
	before := deletedClaimView{claimView: c.view(), Slug: c.Slug, Status: c.Status, Sources: len(c.Sources), Verdicts: len(c.Verdicts)}
	if s.dialect == migrations.SQLite {
		// Postgres's index row goes with the claim (ON DELETE CASCADE).
		if err := s.unindexClaims(tx, id, id); err != nil {
			return err
		}
	}
	// Tags, sources, notes, verdicts with their reviews and versions,
	// and the desk's search text go with it (ON DELETE CASCADE).
	if err := tx.Delete(&Claim{}, id).Error; err != nil {
		return fmt.Errorf("delete claim: %w", err)
	}
	return s.audit(tx, m, event{actor: actor, action: "claim.delete", objectType: "claim", objectID: id, before: before})
}

// undeletableClaim says why a claim in status st cannot be deleted, and
// what to do instead.
func undeletableClaim(st ClaimStatus) Reason {
	switch st {
	case ClaimInReview:
		return NewReason("reasons.delete_in_review", "This claim is in review, so it cannot be deleted now. Once a reviewer sends its verdict back, it is being researched again and can be deleted.")
	case ClaimRetracted:
		return NewReason("reasons.delete_retracted", "This claim has been published and retracted; its page stays online, so it cannot be deleted.")
	}
	return NewReason("reasons.delete_published", "This claim has been published, so it cannot be deleted: what the public has seen stays. Retract it instead.")
}

// DeleteArticle deletes a logged article that no published or retracted
// claim was found in (a *ConflictError otherwise), in one transaction with an
// "article.delete" audit event that keeps its address, title and outlet.
// Its author or an admin may (ErrForbidden for anyone else). The drafts
// and claims in review logged from it stay, no longer linked to it; each
// records in its history that the article was deleted. Nothing public
// changes.
func (s *Store) DeleteArticle(ctx context.Context, actor *User, m Meta, id uint) error {
	if !actor.Can(RoleEditor) {
		return fmt.Errorf("delete article: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		a, err := lockRow[Article](s, tx, "article", id)
		if err != nil {
			return err
		}
		if !MayDelete(actor, a.CreatedBy) {
			return fmt.Errorf("delete article %d: only whoever logged it or an admin may: %w", id, ErrForbidden)
		}
		// Lock the claims found in it, so that none is published while the
		// article goes (a publication locks its claim first).
		q := tx.Model(&Claim{}).Select("id, status, published_at").Where("article_id = ?", id).Order("id")
		if s.dialect == migrations.Postgres {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		var claims []Claim
		if err := q.Find(&claims).Error; err != nil {
			return fmt.Errorf("claims of article %d: %w", id, err)
		}
		ids := make([]uint, 0, len(claims))
		for _, c := range claims {
			if c.Status == ClaimPublished || c.Status == ClaimRetracted || c.PublishedAt != nil {
				return &ConflictError{Reason: NewReason("reasons.article_has_published_claim", "Claim {{.ID}}, found in this article, has been published, so the article cannot be deleted: "+
					"what the public has seen keeps the record of where it was found.", "ID", idText(c.ID))}
			}
			ids = append(ids, c.ID)
		}
		before := map[string]any{"url": a.URL, "title": a.Title, "outlet": a.Outlet, "author": a.Author,
			"published_at": FormatDate(a.PublishedAt), "claims": ids}
		if len(ids) > 0 {
			if err := tx.Model(&Claim{}).Where("id IN ?", ids).Updates(map[string]any{"article_id": nil, "updated_at": s.now()}).Error; err != nil {
				return fmt.Errorf("unlink claims of article %d: %w", id, err)
			}
			// The desk's search no longer finds them by the article's title.
			for _, c := range ids {
				touchDeskTexts(tx, c, c)
			}
		}
		if err := tx.Delete(&Article{}, id).Error; err != nil {
			return fmt.Errorf("delete article: %w", err)
		}
		for _, c := range ids {
			if err := s.audit(tx, m, event{actor: actor, action: "claim.article_delete", objectType: "claim", objectID: c,
				before: map[string]any{"article": a.Title, "url": a.URL}}); err != nil {
				return err
			}
		}
		return s.audit(tx, m, event{actor: actor, action: "article.delete", objectType: "article", objectID: id, before: before})
	})
}
