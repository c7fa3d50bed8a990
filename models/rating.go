package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Ratings returns the rating scale in the admins' display order (position,
// then id). Ordered ratings are ranked best first in that order; unordered
// ones have no rank wherever they stand.
func (s *Store) Ratings(ctx context.Context) ([]Rating, error) {
	var out []Rating
	if err := s.read(ctx).Order("position, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list ratings: %w", err)
	}
	return out, nil
}

// RatingInput is an admin's edit of one rating.
type RatingInput struct {
	Label       string
	Description string
	Position    int
	Ordered     bool
	// Revision is, for UpdateRating, the rating's Revision the admin read:
	// when it is no longer current the edit is refused (*StaleError). 0
	// means not given. CreateRating ignores it.
	Revision int
}

func (in *RatingInput) validate() error {
	var v Validator
	v.text("label", &in.Label, true, 50)
	v.text("description", &in.Description, false, 1000)
	v.Check(in.Position >= 1 && in.Position <= 100, "position", NewReason("reasons.between", "must be between {{.Min}} and {{.Max}}", "Min", 1, "Max", 100))
	return v.Err()
}

type ratingView struct {
	Slug        string `json:"slug"`
	Label       string `json:"label"`
	Description string `json:"description"`
	Position    int    `json:"position"`
	Ordered     bool   `json:"ordered"`
}

func (r *Rating) view() ratingView {
	return ratingView{r.Slug, r.Label, r.Description, r.Position, r.Ordered}
}

// CreateRating adds a rating to the scale; its slug comes from the label
// and never changes. Admins only.
func (s *Store) CreateRating(ctx context.Context, actor *User, m Meta, in RatingInput) (*Rating, error) {
	if !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("create rating: %w", ErrForbidden)
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	r := &Rating{Slug: Slugify(in.Label, 40), Label: in.Label, Description: in.Description, Position: in.Position, Ordered: in.Ordered}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Rating{}).Where("slug = ?", r.Slug).Count(&n).Error; err != nil {
			return fmt.Errorf("find rating: %w", err)
		}
		if r.Slug == "" {
			return Invalid("label", NewReason("reasons.letters_or_digits", "must contain letters or digits"))
		}
		if n > 0 {
			return Invalid("label", NewReason("reasons.rating_taken", "is already on the scale"))
		}
		if err := tx.Create(r).Error; err != nil {
			return fmt.Errorf("insert rating: %w", err)
		}
		s.touchSharedPages(tx)
		return s.audit(tx, m, event{actor: actor, action: "rating.create", objectType: "rating", objectID: r.ID, after: r.view()})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// relabelOpenVerdicts gives every open verdict (in review or sent back)
// rated r the rating's new label under a new version: reviewers approve the
// words they read, so an approval of the old label no longer counts.
// Published verdicts keep the label they were published with.
func (s *Store) relabelOpenVerdicts(tx *gorm.DB, actor *User, r *Rating) error {
	open := []VerdictStatus{VerdictInReview, VerdictChangesRequested}
	var vs []Verdict
	if err := tx.Where("rating_id = ? AND status IN ?", r.ID, open).Find(&vs).Error; err != nil {
		return fmt.Errorf("find open verdicts rated %s: %w", r.Slug, err)
	}
	for i := range vs {
		v := &vs[i]
		res := tx.Model(&Verdict{}).Where("id = ? AND status IN ?", v.ID, open).
			Updates(map[string]any{"rating_label": r.Label, "version": gorm.Expr("version + 1"), "updated_at": s.now()})
		if res.Error != nil {
			return fmt.Errorf("relabel verdict %d: %w", v.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			continue // published or superseded meanwhile: it keeps its label
		}
		if err := tx.Where("id = ?", v.ID).Take(v).Error; err != nil {
			return fmt.Errorf("read verdict %d: %w", v.ID, err)
		}
		if err := s.recordVersion(tx, v, ChangeRatingRelabelled, actor); err != nil {
			return err
		}
	}
	return nil
}

// UpdateRating edits a rating's label, description, place and whether it
// is on the ordered scale, and raises its Revision by one. Published
// verdicts keep the label they had. An edit made from a revision that is
// no longer current (in.Revision) changes nothing and is a *StaleError.
// Admins only.
func (s *Store) UpdateRating(ctx context.Context, actor *User, m Meta, slug string, in RatingInput) (*Rating, error) {
	if !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("update rating: %w", ErrForbidden)
	}
	var out *Rating
	err := s.write(ctx, func(tx *gorm.DB) error {
		var ids []uint
		if err := tx.Model(&Rating{}).Where("slug = ?", slug).Pluck("id", &ids).Error; err != nil {
			return fmt.Errorf("find rating: %w", err)
		}
		if len(ids) == 0 {
			return fmt.Errorf("rating %q: %w", slug, ErrNotFound)
		}
		r, err := lockRow[Rating](s, tx, "rating", ids[0])
		if err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("rating %s", slug), in.Revision, r.Revision); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		before := r.view()
		relabelled := r.Label != in.Label
		r.Label, r.Description, r.Position, r.Ordered = in.Label, in.Description, in.Position, in.Ordered
		r.Revision++
		if err := tx.Model(r).Select("label", "description", "position", "ordered", "revision", "updated_at").Updates(r).Error; err != nil {
			return fmt.Errorf("update rating: %w", err)
		}
		if relabelled {
			if err := s.relabelOpenVerdicts(tx, actor, r); err != nil {
				return err
			}
		}
		s.touchSharedPages(tx)
		out = r
		return s.audit(tx, m, event{actor: actor, action: "rating.update", objectType: "rating", objectID: r.ID, before: before, after: r.view()})
	})
	return out, err
}
