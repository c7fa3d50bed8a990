package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// SourceKinds lists every kind of source, in the order the desk offers them.
var SourceKinds = []SourceKind{SourceTranscript, SourceOfficialRecord, SourceNewsReport, SourceStatement, SourceSocialPost, SourceDataset, SourceOther}

// Stances lists every stance a source may take toward its claim.
var Stances = []Stance{StanceSupports, StanceContradicts, StanceContext}

// SourceInput is one piece of evidence an editor attaches to a claim.
type SourceInput struct {
	URL         string
	Title       string
	Outlet      string
	PublishedAt string // YYYY-MM-DD, optional
	Kind        SourceKind
	Stance      Stance
	Excerpt     string
	Locator     string // page, timestamp, paragraph
	// Language is the BCP 47 tag of the source's language; "" detects it
	// from the title and excerpt (see DetectLanguage).
	Language string
	// Revision is, for UpdateSource, the source's Revision the editor
	// read: when it is no longer current the edit is refused (*StaleError).
	// 0 means not given. AddSource ignores it.
	Revision int
	// File, when set, is a checked upload (PrepareSourceFile) attached to
	// the source in the same transaction that saves it, as
	// AttachPreparedFile would: the source is saved with its file or not
	// at all.
	File *PreparedFile
}

// validate checks and normalises in; its date may not be after today (see
// Store.today).
func (in *SourceInput) validate(today time.Time) (*Source, error) {
	var v Validator
	v.url("url", &in.URL, true)
	v.text("title", &in.Title, true, 300)
	v.text("outlet", &in.Outlet, false, 200)
	published := v.date("published_at", in.PublishedAt, today)
	v.Check(oneOf(in.Kind, SourceKinds), "kind", NewReason("reasons.source_kind", "must be one of transcript, official_record, news_report, statement, social_post, dataset, other"))
	v.Check(oneOf(in.Stance, Stances), "stance", NewReason("reasons.stance", "must be supports, contradicts or context"))
	v.text("excerpt", &in.Excerpt, false, 5000)
	v.text("locator", &in.Locator, false, 200)
	v.language("language", &in.Language)
	if err := v.Err(); err != nil {
		return nil, err
	}
	in.Language = languageOrDetected(in.Language, in.Title, in.Excerpt)
	return &Source{URL: in.URL, Title: in.Title, Outlet: in.Outlet, PublishedAt: published, Kind: in.Kind,
		Stance: in.Stance, Excerpt: in.Excerpt, Locator: in.Locator, Language: in.Language}, nil
}

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// sourceView is what the audit log records of a source.
type sourceView struct {
	ID          uint       `json:"id"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Outlet      string     `json:"outlet,omitempty"`
	PublishedAt string     `json:"published_at,omitempty"`
	Kind        SourceKind `json:"kind"`
	Stance      Stance     `json:"stance"`
	Excerpt     string     `json:"excerpt,omitempty"`
	Locator     string     `json:"locator,omitempty"`
	Language    string     `json:"language,omitempty"`
}

func (src *Source) view() sourceView {
	return sourceView{ID: src.ID, URL: src.URL, Title: src.Title, Outlet: src.Outlet, PublishedAt: FormatDate(src.PublishedAt),
		Kind: src.Kind, Stance: src.Stance, Excerpt: src.Excerpt, Locator: src.Locator, Language: src.Language}
}

// EvidenceOpen reports whether the claim's sources may change: before
// review or in review, not once it is published or retracted, when it is a
// *ConflictError (409) saying that they change through an update.
// Every change to sources and their files checks it in its transaction;
// a form may ask first, to refuse before reading what was sent.
func (c *Claim) EvidenceOpen() error { return evidenceOpen(c) }

// evidenceOpen is Claim.EvidenceOpen.
func evidenceOpen(c *Claim) error {
	if c.Status.BeforeReview() || c.Status == ClaimInReview {
		return nil
	}
	return &ConflictError{Reason: NewReason("reasons.sources_fixed",
		"Claim {{.ID}} is {{.Status}}, so its sources are fixed: the sources of a published fact-check change through an update.",
		"ID", idText(c.ID), "Status", claimStatusWord(c.Status))}
}

// AddSource attaches evidence to a claim that is not yet published. A
// verdict open on the claim gets a new version: reviewers approve it again.
func (s *Store) AddSource(ctx context.Context, actor *User, m Meta, claimID uint, in SourceInput) (*Source, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("add source: %w", ErrForbidden)
	}
	sum, err := s.putFile(ctx, in.File)
	if err != nil {
		return nil, err
	}
	var out *Source
	err = s.write(ctx, func(tx *gorm.DB) error {
		c, err := s.lockClaim(tx, claimID)
		if err != nil {
			return err
		}
		// A published claim's sources are fixed, whatever the input.
		if err := evidenceOpen(c); err != nil {
			return err
		}
		today, err := s.today(tx)
		if err != nil {
			return err
		}
		src, err := in.validate(today)
		if err != nil {
			return err
		}
		src.ClaimID, src.CreatedBy = c.ID, &actor.ID
		if err := tx.Create(src).Error; err != nil {
			return fmt.Errorf("insert source: %w", err)
		}
		if err := s.sourceURLSaved(tx, src.ID, "", src.URL); err != nil {
			return err
		}
		if err := touchClaim(tx, c.ID, s.now()); err != nil {
			return err
		}
		if err := s.newVersionOfOpenVerdict(tx, c.ID, actor, ChangeSourceAdded); err != nil {
			return err
		}
		out = src
		if err := s.audit(tx, m, event{actor: actor, action: "source.add", objectType: "claim", objectID: c.ID, after: src.view()}); err != nil {
			return err
		}
		if in.File != nil {
			_, err = s.attachFile(tx, actor, m, c, src, in.File, sum)
		}
		return err
	})
	return out, err
}

// UpdateSource changes a source of a claim that is not yet published and
// raises its Revision by one. A verdict open on the claim gets a new
// version. An edit made from a revision that is no longer current
// (in.Revision) changes nothing and is a *StaleError.
func (s *Store) UpdateSource(ctx context.Context, actor *User, m Meta, id uint, in SourceInput) (*Source, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("update source: %w", ErrForbidden)
	}
	sum, err := s.putFile(ctx, in.File)
	if err != nil {
		return nil, err
	}
	var out *Source
	err = s.write(ctx, func(tx *gorm.DB) error {
		old, c, err := lockWithClaim[Source](s, tx, "source", id)
		if err != nil {
			return err
		}
		if err := evidenceOpen(c); err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("source %d", id), in.Revision, old.Revision); err != nil {
			return err
		}
		today, err := s.today(tx)
		if err != nil {
			return err
		}
		src, err := in.validate(today)
		if err != nil {
			return err
		}
		src.ID, src.ClaimID, src.CreatedBy, src.CreatedAt = old.ID, old.ClaimID, old.CreatedBy, old.CreatedAt
		src.Revision = old.Revision + 1
		carryEvidence(old, src)
		if err := tx.Select("*").Omit("created_at", "created_by", "ArchiveSnapshot").Updates(src).Error; err != nil {
			return fmt.Errorf("update source: %w", err)
		}
		if err := s.sourceURLSaved(tx, src.ID, old.URL, src.URL); err != nil {
			return err
		}
		if err := touchClaim(tx, c.ID, s.now()); err != nil {
			return err
		}
		if err := s.newVersionOfOpenVerdict(tx, c.ID, actor, ChangeSourceUpdated); err != nil {
			return err
		}
		out = src
		if err := s.audit(tx, m, event{actor: actor, action: "source.update", objectType: "claim", objectID: c.ID, before: old.view(), after: src.view()}); err != nil {
			return err
		}
		if in.File != nil {
			_, err = s.attachFile(tx, actor, m, c, src, in.File, sum)
		}
		return err
	})
	return out, err
}

// DeleteSource removes a source from a claim that is not yet published. A
// verdict open on the claim gets a new version. revision is the source's
// Revision the editor read: when it is no longer current nothing is removed
// and the error is a *StaleError; 0 means not given.
func (s *Store) DeleteSource(ctx context.Context, actor *User, m Meta, id uint, revision int) error {
	if !actor.Can(RoleEditor) {
		return fmt.Errorf("delete source: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		old, c, err := lockWithClaim[Source](s, tx, "source", id)
		if err != nil {
			return err
		}
		if err := evidenceOpen(c); err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("source %d", id), revision, old.Revision); err != nil {
			return err
		}
		if err := tx.Delete(old).Error; err != nil {
			return fmt.Errorf("delete source: %w", err)
		}
		if err := touchClaim(tx, c.ID, s.now()); err != nil {
			return err
		}
		if err := s.newVersionOfOpenVerdict(tx, c.ID, actor, ChangeSourceRemoved); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "source.delete", objectType: "claim", objectID: c.ID, before: old.view()})
	})
}

// GetSource returns one source, with its archive snapshot (without the
// snapshot's text) and its files.
func (s *Store) GetSource(ctx context.Context, id uint) (*Source, error) {
	return findSource(s.read(ctx).Preload("ArchiveSnapshot", func(db *gorm.DB) *gorm.DB { return db.Select(snapshotColumns) }).
		Preload("Files", func(db *gorm.DB) *gorm.DB { return db.Order("id") }), id)
}

func findSource(db *gorm.DB, id uint) (*Source, error) {
	var src Source
	err := db.Where("id = ?", id).Take(&src).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find source: %w", err)
	}
	return &src, nil
}
