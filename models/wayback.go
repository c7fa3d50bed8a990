package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Wayback copies. With Config.Wayback on, every new or changed source URL
// is also sent to the Internet Archive's Save Page Now, in the background
// (a wayback job), and the copy's address is kept on the source
// (wayback_status, wayback_url, wayback_error, wayback_at). A failure is
// recorded there and never stands in the way of saving the source.

// The Wayback statuses of a source ("" when no copy was asked).
const (
	// WaybackQueued: a wayback job is waiting, running or about to try
	// again (WaybackError then says why the last attempt failed).
	WaybackQueued = "queued"
	// WaybackSaved: WaybackURL is the Internet Archive's copy.
	WaybackSaved = "saved"
	// WaybackFailed: no copy could be had; WaybackError says why.
	WaybackFailed = "failed"
)

// queueWayback runs in the transaction that saves source id with a new
// URL: with Config.Wayback on, it marks the source's Wayback copy queued
// and adds a wayback job for it (none when one is already queued or
// running: it reads the source's URL when it runs). Off, it does nothing.
func (s *Store) queueWayback(tx *gorm.DB, id uint) error {
	if !s.cfg.Wayback {
		return nil
	}
	err := tx.Model(&Source{}).Where("id = ?", id).UpdateColumns(map[string]any{
		"wayback_status": WaybackQueued, "wayback_url": "", "wayback_error": "", "wayback_reason": "", "wayback_at": nil}).Error
	if err != nil {
		return fmt.Errorf("source %d: queue its Wayback copy: %w", id, err)
	}
	return s.enqueueSourceJob(tx, JobWayback, id)
}

// WaybackInput is what one request to Save Page Now came to.
type WaybackInput struct {
	// URL is the source's URL as it was when asked for.
	URL string
	// Status is WaybackSaved with ArchiveURL, WaybackFailed with Error
	// (no further attempt), or WaybackQueued with Error (an attempt failed
	// and another is to come). The source keeps Error as its
	// WaybackReason, and in English (Error.String()) as its WaybackError.
	Status     string
	ArchiveURL string
	Error      Reason
	// At is when the answer came.
	At time.Time
}

// RecordWayback keeps what Save Page Now said of source sourceID's URL on
// the source, in one transaction, with an audit event when the copy is
// saved or has failed for good; a source on a public page gets a new page
// version when what it shows of the copy changes. A saved copy stays
// until the URL changes: a later failure does not hide it.
//
// It reports false, changing nothing, when the source's URL is no longer
// in.URL (the editor changed it meanwhile; the new one is asked for in its
// turn). ErrNotFound when the source is gone; a *ValidationError for an
// input no job makes.
func (s *Store) RecordWayback(ctx context.Context, sourceID uint, in WaybackInput) (bool, error) {
	var v Validator
	v.Check(oneOf(in.Status, []string{WaybackQueued, WaybackSaved, WaybackFailed}), "status", NewReason("reasons.wayback_status", "must be queued, saved or failed"))
	v.Check(in.Status != WaybackSaved || in.ArchiveURL != "", "archive_url", NewReason("reasons.required_once_saved", "is required once saved"))
	v.Check(!in.At.IsZero(), "at", ReasonRequired)
	if err := v.Err(); err != nil {
		return false, err
	}
	recorded := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		recorded = false
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceID)
		if err != nil {
			return err
		}
		if src.URL != in.URL {
			return nil
		}
		recorded = true
		if src.WaybackStatus == WaybackSaved && in.Status != WaybackSaved {
			return nil
		}
		at := in.At.UTC()
		cols := map[string]any{"wayback_status": in.Status, "wayback_error": in.Error.String(), "wayback_reason": in.Error}
		switch in.Status {
		case WaybackSaved:
			cols["wayback_url"], cols["wayback_error"], cols["wayback_reason"], cols["wayback_at"] = in.ArchiveURL, "", "", at
		case WaybackFailed:
			cols["wayback_at"] = at
		}
		if err := tx.Model(&Source{}).Where("id = ?", src.ID).UpdateColumns(cols).Error; err != nil {
			return fmt.Errorf("source %d: record its Wayback copy: %w", src.ID, err)
		}
		if c.Status == ClaimPublished || c.Status == ClaimRetracted {
			s.touchClaimPage(tx, c.ID)
		}
		if in.Status == WaybackQueued {
			return nil
		}
		return s.audit(tx, Meta{}, event{actorLabel: "wayback", action: "source.wayback", objectType: "claim", objectID: c.ID,
			after: map[string]any{"source_id": src.ID, "url": src.URL, "status": in.Status, "archive_url": in.ArchiveURL, "error": in.Error.String()}})
	})
	if err != nil {
		return false, fmt.Errorf("record Wayback copy: %w", err)
	}
	return recorded, nil
}
