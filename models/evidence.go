package models

import "time"

// ArchiveStatus says where the archiving of a source's URL stands.
type ArchiveStatus string

// The archive statuses of a source ("" before archiving was first asked).
const (
	// ArchiveQueued: a job to archive the URL is waiting or running.
	ArchiveQueued ArchiveStatus = "queued"
	// ArchiveArchived: the source's ArchiveSnapshotID holds the URL's page.
	ArchiveArchived ArchiveStatus = "archived"
	// ArchiveRefused: the fetcher's rules refused the URL (a private
	// address, a scheme other than http and https), or its type or size is
	// not kept. Asking again would give the same answer.
	ArchiveRefused ArchiveStatus = "refused"
	// ArchiveFailed: the page could not be had (unreachable, an error
	// status, too slow) after the job's retries.
	ArchiveFailed ArchiveStatus = "failed"
)

// LinkStatus is what a link check found at a source's URL.
type LinkStatus string

// The link statuses ("" before the first check).
const (
	// LinkLive: the URL answers with the content archived.
	LinkLive LinkStatus = "live"
	// LinkChanged: the URL answers, but its content differs from the
	// archived snapshot.
	LinkChanged LinkStatus = "changed"
	// LinkMoved: the URL redirects for good to another address.
	LinkMoved LinkStatus = "moved"
	// LinkGone: the URL answers 404 or 410, or its host no longer exists.
	LinkGone LinkStatus = "gone"
	// LinkUnreachable: the check failed in a way that may pass (a server
	// error, a time-out).
	LinkUnreachable LinkStatus = "unreachable"
)

// Snapshot is a source's page as the fetcher got it: its bytes are the
// blob named SHA256, Text is the page's main text for search.
type Snapshot struct {
	ID       uint
	SourceID uint
	// URL is the address asked for; FinalURL the one that answered after
	// redirects; HTTPStatus that answer's status code.
	URL         string `gorm:"column:url"`
	FinalURL    string `gorm:"column:final_url"`
	HTTPStatus  int    `gorm:"column:http_status"`
	ContentType string
	// Size is the bytes' length.
	Size      int64
	SHA256    string `gorm:"column:sha256"`
	Text      string
	FetchedAt time.Time
	CreatedAt time.Time
}

// SourceFile is a file an editor attached to a source (a screenshot, a
// PDF, a clip). Its bytes are the blob named SHA256, with location
// metadata removed; OriginalSHA256 is the upload's hash before that.
type SourceFile struct {
	ID             uint
	SourceID       uint
	SHA256         string `gorm:"column:sha256"`
	ContentType    string
	Size           int64
	Filename       string
	OriginalSHA256 string `gorm:"column:original_sha256"`
	UploadedBy     *uint
	CreatedAt      time.Time
}

// LinkCheck is one visit of the link checker to a source's URL.
type LinkCheck struct {
	ID         uint
	SourceID   uint
	CheckedAt  time.Time
	Status     LinkStatus
	HTTPStatus *int   `gorm:"column:http_status"`
	FinalURL   string `gorm:"column:final_url"`
	SHA256     string `gorm:"column:sha256"`
	Error      string
}

// Host paces the requests made to one outside host, across instances:
// nothing is asked of it before NextAt.
type Host struct {
	Host   string `gorm:"primaryKey"`
	NextAt time.Time
}
