// Package archive keeps what a source's URL served: the archive_source
// background job fetches the page with the product's one outside-URL
// fetcher, keeps its bytes in the blob store by their SHA-256 and records
// the snapshot, with the page's main text for search.
package archive

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/webpage"
)

// maxText bounds the main text kept for search, in bytes.
const maxText = 1 << 20

// Archivable reports whether pages of media type mt (lower case, without
// parameters) are archived: web pages, plain text and data (CSV, JSON),
// PDF, the images browsers show, and MP3, MP4 and WebM clips. Anything
// else (executables, archives, SVG and other XML that can carry script)
// is refused.
func Archivable(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "text/csv", "application/json",
		"application/pdf", "image/png", "image/jpeg", "image/webp", "image/gif",
		"audio/mpeg", "video/mp4", "video/webm":
		return true
	}
	return false
}

// Archiver runs the archive_source job (see Run).
type Archiver struct {
	// Store keeps the snapshots and, through Store.Blobs, their bytes.
	Store *models.Store
	// Fetcher gets the pages; its size limit is the archive's.
	Fetcher *fetcher.Client
}

// ErrRetry wraps a failure that may pass (the server did not answer, or
// answered with a server error): the job is to be tried again later.
var ErrRetry = errors.New("archive: try again later")

// Run archives the source that job j (a models.SourceJob) names, as its
// URL is now. A source that no longer exists is nothing to do. A refusal
// by the fetcher's rules, a type that is not archived, a page too large or
// a client error (404, 410…) is recorded on the source and ends the job;
// a failure that may pass is recorded and returned wrapping ErrRetry, or
// recorded as final when j has no attempt left. A URL changed while it was
// fetched is fetched again.
func (a *Archiver) Run(ctx context.Context, j *models.Job) error {
	var p models.SourceJob
	if err := j.Decode(&p); err != nil {
		return err
	}
	for range 3 {
		src, err := a.Store.GetSource(ctx, p.SourceID)
		if errors.Is(err, models.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		err = a.archive(ctx, j, src)
		if !errors.Is(err, models.ErrSourceURLChanged) {
			if errors.Is(err, models.ErrNotFound) {
				return nil
			}
			return err
		}
	}
	return fmt.Errorf("%w: source %d's URL keeps changing", ErrRetry, p.SourceID)
}

func (a *Archiver) archive(ctx context.Context, j *models.Job, src *models.Source) error {
	page, err := a.Fetcher.Fetch(ctx, src.URL)
	if err != nil {
		var fe *fetcher.Error
		if !errors.As(err, &fe) {
			return err // the context ended: the job is tried again
		}
		status, final := classify(fe)
		why := models.AddressReason(models.FetchReason(fe))
		if final {
			return a.Store.RecordArchiveFailure(ctx, src.ID, src.URL, status, why)
		}
		if j.Attempts < j.MaxAttempts {
			status = models.ArchiveQueued
		}
		if rerr := a.Store.RecordArchiveFailure(ctx, src.ID, src.URL, status, why); rerr != nil {
			return rerr
		}
		return jobs.Explain(fmt.Errorf("%w: source %d: %s", ErrRetry, src.ID, why), why)
	}
	if !Archivable(page.ContentType) {
		why := models.NewReason("reasons.fetch.not_archived_type", "The address serves {{.MediaType}}, which is not archived.", "MediaType", page.ContentType)
		return a.Store.RecordArchiveFailure(ctx, src.ID, src.URL, models.ArchiveRefused, why)
	}
	sum, err := a.Store.Blobs().Put(ctx, page.Body)
	if err != nil {
		return err
	}
	contentType := page.ContentType
	if page.Charset != "" {
		contentType = mime.FormatMediaType(page.ContentType, map[string]string{"charset": page.Charset})
	}
	_, err = a.Store.RecordSnapshot(ctx, src.ID, models.NewSnapshot{
		URL: src.URL, FinalURL: page.FinalURL, HTTPStatus: page.Status, ContentType: contentType,
		Size: int64(len(page.Body)), SHA256: sum, Text: mainText(page), FetchedAt: page.FetchedAt,
	})
	return err
}

// classify turns a fetch failure into an archive status, and says whether
// trying again would give the same answer.
func classify(fe *fetcher.Error) (status models.ArchiveStatus, final bool) {
	switch fe.Reason {
	case fetcher.BadURL, fetcher.RefusedAddress, fetcher.TooLarge:
		return models.ArchiveRefused, true
	case fetcher.BadStatus:
		// Client errors other than time-outs and rate limits do not pass
		// by themselves.
		if fe.Status >= 400 && fe.Status < 500 && fe.Status != 408 && fe.Status != 425 && fe.Status != 429 {
			return models.ArchiveFailed, true
		}
	}
	return models.ArchiveFailed, false
}

// mainText is the text of page worth searching: an HTML page's main text,
// a text file as it is; at most maxText bytes.
func mainText(page *fetcher.Page) string {
	var text string
	switch page.ContentType {
	case "text/html", "application/xhtml+xml":
		u, _ := url.Parse(page.FinalURL)
		if art, err := webpage.Read(page.Text, u); err == nil {
			text = art.Text
		}
	case "text/plain", "text/csv":
		text = page.Text
	}
	if len(text) > maxText {
		text = text[:maxText]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	return strings.ReplaceAll(strings.ToValidUTF8(text, ""), "\x00", "")
}
