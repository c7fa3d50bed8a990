package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ErrSourceURLChanged is returned when a snapshot or an archive failure is
// recorded for a URL that its source no longer has: the editor changed it
// while the page was being fetched, and the new URL is to be fetched
// instead.
var ErrSourceURLChanged = errors.New("the source's URL changed while it was fetched")

// snapshotColumns are a snapshot's columns but its text, which pages and
// the API do not show.
var snapshotColumns = []string{"id", "source_id", "url", "final_url", "http_status", "content_type", "size", "sha256", "fetched_at", "created_at"}

// carryEvidence copies onto src, about to replace old, what was learnt of
// old's URL (its archive, link checks and Wayback copy); a source whose URL
// changes starts again with none (see sourceURLSaved).
func carryEvidence(old, src *Source) {
	if old.URL != src.URL {
		return
	}
	src.ArchiveStatus, src.ArchiveSnapshotID, src.ArchiveError, src.ArchiveReason = old.ArchiveStatus, old.ArchiveSnapshotID, old.ArchiveError, old.ArchiveReason
	src.LinkStatus, src.LinkCheckedAt, src.LinkError, src.LinkReason = old.LinkStatus, old.LinkCheckedAt, old.LinkError, old.LinkReason
	src.LinkHTTPStatus, src.LinkFinalURL, src.LinkSince = old.LinkHTTPStatus, old.LinkFinalURL, old.LinkSince
	src.WaybackStatus, src.WaybackURL, src.WaybackError, src.WaybackReason, src.WaybackAt = old.WaybackStatus, old.WaybackURL, old.WaybackError, old.WaybackReason, old.WaybackAt
}

// sourceURLSaved runs in the transaction that saves source id with newURL,
// where its URL was oldURL ("" for a new source). A new or changed URL
// forgets what was learnt of the old one and is archived in the
// background; an unchanged one keeps it all.
func (s *Store) sourceURLSaved(tx *gorm.DB, id uint, oldURL, newURL string) error {
	if oldURL == newURL {
		return nil
	}
	err := tx.Model(&Source{}).Where("id = ?", id).Updates(map[string]any{
		"archive_status": ArchiveQueued, "archive_snapshot_id": nil, "archive_error": "", "archive_reason": "",
		"link_status": "", "link_checked_at": nil, "link_error": "", "link_reason": "", "link_http_status": nil, "link_final_url": "", "link_since": nil,
		"wayback_status": "", "wayback_url": "", "wayback_error": "", "wayback_reason": "", "wayback_at": nil,
	}).Error
	if err != nil {
		return fmt.Errorf("source %d: reset its archive: %w", id, err)
	}
	if err := s.queueWayback(tx, id); err != nil {
		return err
	}
	return s.enqueueSourceJob(tx, JobArchiveSource, id)
}

// NewSnapshot is what the archiver got for a source's URL. Its bytes are
// already kept in the Blobs under SHA256.
type NewSnapshot struct {
	// URL is the source's URL as it was when fetched.
	URL string
	// FinalURL answered after redirects, with HTTPStatus.
	FinalURL   string
	HTTPStatus int
	// ContentType is the media type of the bytes, without parameters.
	ContentType string
	Size        int64
	SHA256      string
	// Text is the page's main text, for search ("" when it has none).
	Text      string
	FetchedAt time.Time
}

// RecordSnapshot keeps a snapshot of source sourceID's URL and makes it
// the source's archive. It is ErrSourceURLChanged when the source's URL is
// no longer in.URL, and ErrNotFound when the source is gone.
func (s *Store) RecordSnapshot(ctx context.Context, sourceID uint, in NewSnapshot) (*Snapshot, error) {
	var out *Snapshot
	err := s.write(ctx, func(tx *gorm.DB) error {
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceID)
		if err != nil {
			return err
		}
		if src.URL != in.URL {
			return ErrSourceURLChanged
		}
		snap := &Snapshot{SourceID: src.ID, URL: in.URL, FinalURL: in.FinalURL, HTTPStatus: in.HTTPStatus,
			ContentType: in.ContentType, Size: in.Size, SHA256: in.SHA256, Text: in.Text,
			FetchedAt: in.FetchedAt.UTC(), CreatedAt: s.now()}
		if err := tx.Create(snap).Error; err != nil {
			return fmt.Errorf("insert snapshot of source %d: %w", src.ID, err)
		}
		err = tx.Model(&Source{}).Where("id = ?", src.ID).Updates(map[string]any{
			"archive_status": ArchiveArchived, "archive_snapshot_id": snap.ID, "archive_error": "", "archive_reason": ""}).Error
		if err != nil {
			return fmt.Errorf("source %d: record its archive: %w", src.ID, err)
		}
		s.touchPublicSource(tx, c)
		out = snap
		return s.audit(tx, Meta{}, event{actorLabel: "archiver", action: "source.archive", objectType: "claim", objectID: c.ID,
			after: map[string]any{"source_id": src.ID, "url": in.URL, "final_url": in.FinalURL, "sha256": in.SHA256,
				"content_type": in.ContentType, "size": in.Size}})
	})
	return out, err
}

// RecordArchiveFailure says why source sourceID's URL could not be
// archived: status is ArchiveRefused or ArchiveFailed when that is final,
// ArchiveQueued while another attempt is to come; why is kept as the
// source's ArchiveReason, and in English (why.String()) as its
// ArchiveError. The source keeps any snapshot it had. Errors as
// RecordSnapshot.
func (s *Store) RecordArchiveFailure(ctx context.Context, sourceID uint, url string, status ArchiveStatus, why Reason) error {
	reason := why.String()
	return s.write(ctx, func(tx *gorm.DB) error {
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceID)
		if err != nil {
			return err
		}
		if src.URL != url {
			return ErrSourceURLChanged
		}
		if src.ArchiveStatus == status && src.ArchiveError == reason && src.ArchiveReason.ID == why.ID {
			return nil
		}
		if src.ArchiveSnapshotID != nil && status != ArchiveQueued {
			// A page archived before and lost since stays archived: the
			// link checker says what became of the original.
			status = ArchiveArchived
		}
		err = tx.Model(&Source{}).Where("id = ?", src.ID).Updates(map[string]any{"archive_status": status, "archive_error": reason, "archive_reason": why}).Error
		if err != nil {
			return fmt.Errorf("source %d: record its archive failure: %w", src.ID, err)
		}
		s.touchPublicSource(tx, c)
		return nil
	})
}

// touchPublicSource moves the public version of c's page when the public
// sees c's sources.
func (s *Store) touchPublicSource(tx *gorm.DB, c *Claim) {
	if c.Status == ClaimPublished || c.Status == ClaimRetracted {
		s.touchClaimPage(tx, c.ID)
	}
}

// publicStatusList is publicStatuses as an SQL list, for an ORDER BY
// (gorm's Order binds no values: it drops an expression given to it).
const publicStatusList = "('" + string(ClaimPublished) + "', '" + string(ClaimRetracted) + "')"

// ArchivedCopy is what /archive/{sha256} serves: bytes kept for a source,
// either a snapshot of its URL or a file attached to it.
type ArchivedCopy struct {
	SHA256      string
	ContentType string
	Size        int64
	// Taken is when the snapshot was fetched or the file uploaded.
	Taken time.Time
	// OriginalURL is the URL a snapshot was taken of, FinalURL the one
	// that answered; both "" for an uploaded file.
	OriginalURL, FinalURL string
	// Filename is an uploaded file's name ("" for a snapshot).
	Filename string
	// Public is true when a published or retracted fact-check shows it
	// (a source's current snapshot, or a file attached to it); otherwise
	// only the desk may see it.
	Public bool
}

// ArchivedCopyBySHA finds the snapshot or uploaded file whose bytes hash
// to sha256hex (64 lower-case hex digits), preferring one that the public
// may see, then the latest. ErrNotFound when there is none.
func (s *Store) ArchivedCopyBySHA(ctx context.Context, sha256hex string) (*ArchivedCopy, error) {
	if !IsSHA256Hex(sha256hex) {
		return nil, ErrNotFound
	}
	db := s.read(ctx)
	var snap struct {
		Snapshot
		ClaimStatus ClaimStatus
	}
	// Only a source's current snapshot is public: one its URL had before
	// an edit is the desk's.
	err := db.Table("snapshots").Select("snapshots.id, snapshots.url, snapshots.final_url, snapshots.content_type, snapshots.size, snapshots.sha256, snapshots.fetched_at, "+
		"CASE WHEN sources.archive_snapshot_id = snapshots.id THEN claims.status ELSE '' END AS claim_status").
		Joins("JOIN sources ON sources.id = snapshots.source_id").Joins("JOIN claims ON claims.id = sources.claim_id").
		Where("snapshots.sha256 = ?", sha256hex).
		Order("CASE WHEN claims.status IN " + publicStatusList + " AND sources.archive_snapshot_id = snapshots.id THEN 0 ELSE 1 END, snapshots.id DESC").
		Limit(1).Scan(&snap).Error
	if err != nil {
		return nil, fmt.Errorf("archived copy %s: %w", sha256hex, err)
	}
	var file struct {
		SourceFile
		ClaimStatus ClaimStatus
	}
	err = db.Table("source_files").Select("source_files.id, source_files.content_type, source_files.size, source_files.sha256, source_files.filename, source_files.created_at, claims.status AS claim_status").
		Joins("JOIN sources ON sources.id = source_files.source_id").Joins("JOIN claims ON claims.id = sources.claim_id").
		Where("source_files.sha256 = ?", sha256hex).
		Order("CASE WHEN claims.status IN " + publicStatusList + " THEN 0 ELSE 1 END, source_files.id DESC").
		Limit(1).Scan(&file).Error
	if err != nil {
		return nil, fmt.Errorf("attached file %s: %w", sha256hex, err)
	}
	public := func(st ClaimStatus) bool { return st == ClaimPublished || st == ClaimRetracted }
	switch {
	case snap.ID != 0 && (public(snap.ClaimStatus) || file.ID == 0 || !public(file.ClaimStatus)):
		return &ArchivedCopy{SHA256: sha256hex, ContentType: snap.ContentType, Size: snap.Size, Taken: snap.FetchedAt.UTC(),
			OriginalURL: snap.URL, FinalURL: snap.FinalURL, Public: public(snap.ClaimStatus)}, nil
	case file.ID != 0:
		return &ArchivedCopy{SHA256: sha256hex, ContentType: file.ContentType, Size: file.Size, Taken: file.CreatedAt.UTC(),
			Filename: file.Filename, Public: public(file.ClaimStatus)}, nil
	}
	return nil, ErrNotFound
}
