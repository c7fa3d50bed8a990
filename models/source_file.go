package models

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimtracker/input"
	"claimtracker/media"
)

// The changes to a verdict's claim that attaching or removing a source's
// file makes: reviewers approve the evidence as it is.
const (
	ChangeFileAttached VersionChange = "file_attached"
	ChangeFileRemoved  VersionChange = "file_removed"
)

// MaxFilenameRunes is the longest file name kept, in characters.
const MaxFilenameRunes = 200

// TooLargeError says that an upload is larger than the Store keeps
// (Config.MaxFileBytes): HTTP 413.
type TooLargeError struct {
	// Limit is the largest size kept, in bytes.
	Limit int64
}

// Error says what the limit is, in words for people.
func (e *TooLargeError) Error() string { return e.Reason().String() }

// Reason says what the limit is, as a reason for pages in any language.
func (e *TooLargeError) Reason() Reason {
	return NewReason("reasons.file_too_large", "The file is larger than {{.Size}}, the largest this site keeps. Nothing was saved.",
		"Size", SizeReason(e.Limit))
}

// SizeWords says a size in bytes the way people read it, in English: see
// SizeReason.
func SizeWords(n int64) string { return SizeReason(n).String() }

// SizeReason says a size in bytes the way people read it: "20 MB" for a
// whole number of mebibytes, "512 KB" for a whole number of kibibytes,
// "1.5 MB" or "900 bytes" otherwise (1 MB = 1,048,576 bytes, as the
// --max-file-size setting counts them).
func SizeReason(n int64) Reason {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return NewReason("reasons.size.mb", "{{.N}} MB", "N", int(n>>20))
	case n >= 1<<20:
		return NewReason("reasons.size.mb", "{{.N}} MB", "N", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return NewReason("reasons.size.kb", "{{.N}} KB", "N", int(n>>10))
	case n >= 1<<10:
		return NewReason("reasons.size.kb", "{{.N}} KB", "N", float64(n)/(1<<10))
	}
	return NewCountReason("reasons.size.bytes", int(n), "{{.Count}} byte", "{{.Count}} bytes")
}

// PreparedFile is an upload that passed the checks, ready to attach: its
// type read from its bytes, its bytes without location metadata, and its
// name made safe to show.
type PreparedFile struct {
	Filename       string
	ContentType    string
	Data           []byte
	OriginalSHA256 string
}

// PrepareSourceFile checks an upload without saving anything: a file over
// Config.MaxFileBytes is a *TooLargeError (413); an empty file, a type
// outside media.Sniff's allow-list or an image too malformed to strip is a
// *ValidationError naming the field "file" (422) with media's words
// ("is application/x-elf, which is not kept: …"). Images lose their
// location metadata (media.StripLocation); OriginalSHA256 is the hash of
// the bytes as uploaded. The name is made safe by CleanFilename.
func (s *Store) PrepareSourceFile(filename string, data []byte) (*PreparedFile, error) {
	if int64(len(data)) > s.cfg.MaxFileBytes {
		return nil, &TooLargeError{Limit: s.cfg.MaxFileBytes}
	}
	ct, err := media.Sniff(data)
	if err != nil {
		return nil, Invalid("file", fileReason(err))
	}
	kept, err := media.StripLocation(ct, data)
	if err != nil {
		return nil, Invalid("file", fileReason(err))
	}
	return &PreparedFile{Filename: CleanFilename(filename, ct), ContentType: ct, Data: kept, OriginalSHA256: SHA256Hex(data)}, nil
}

// extensions name a file of each kept type that came without a usable name.
var extensions = map[string]string{
	media.PNG: ".png", media.JPEG: ".jpg", media.WebP: ".webp", media.GIF: ".gif", media.PDF: ".pdf",
	media.MP3: ".mp3", media.MP4: ".mp4", media.WebM: ".webm", media.Text: ".txt",
}

// CleanFilename makes an uploaded file's name safe to keep and show: its
// last path element only (a browser may send "C:\fakepath\x.png"),
// invalid UTF-8, control characters and bidirectional controls removed
// (including the marks U+200E, U+200F and U+061C, with which "gnp.exe"
// can pass for "exe.png"), spaces collapsed, in NFC, at most
// MaxFilenameRunes characters with its extension kept. A name left empty
// becomes "file" with the extension of contentType.
func CleanFilename(name, contentType string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base("/" + name)
	name = input.Scrub(name)
	name = strings.Map(func(r rune) rune {
		if r == '\u200E' || r == '\u200F' || r == '\u061C' {
			return -1
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || name == "." || name == "/" || name == ".." {
		return "file" + extensions[contentType]
	}
	if utf8.RuneCountInString(name) <= MaxFilenameRunes {
		return name
	}
	ext := path.Ext(name)
	if utf8.RuneCountInString(ext) > 20 {
		ext = ""
	}
	stem := []rune(strings.TrimSuffix(name, ext))
	return strings.TrimSpace(string(stem[:MaxFilenameRunes-utf8.RuneCountInString(ext)])) + ext
}

// sourceFileView is what the audit log records of a source's file.
type sourceFileView struct {
	ID             uint   `json:"id"`
	SourceID       uint   `json:"source_id"`
	Filename       string `json:"filename"`
	ContentType    string `json:"content_type"`
	Size           int64  `json:"size"`
	SHA256         string `json:"sha256"`
	OriginalSHA256 string `json:"original_sha256"`
}

func (f *SourceFile) view() sourceFileView {
	return sourceFileView{ID: f.ID, SourceID: f.SourceID, Filename: f.Filename, ContentType: f.ContentType, Size: f.Size,
		SHA256: f.SHA256, OriginalSHA256: f.OriginalSHA256}
}

// AttachSourceFile checks an upload (PrepareSourceFile: 413, 422) and
// attaches it to a source; see AttachPreparedFile.
func (s *Store) AttachSourceFile(ctx context.Context, actor *User, m Meta, sourceID uint, filename string, data []byte) (*SourceFile, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("attach file: %w", ErrForbidden)
	}
	p, err := s.PrepareSourceFile(filename, data)
	if err != nil {
		return nil, err
	}
	return s.AttachPreparedFile(ctx, actor, m, sourceID, p)
}

// AttachPreparedFile attaches a checked upload to a source. A file may be
// attached exactly when the source may be edited: while its claim is a
// draft or in review (evidenceOpen); a published or retracted claim's
// sources are fixed (ErrConflict, 409), and a published fact-check's
// evidence changes through an update. An editor or above may attach (else
// ErrForbidden); a missing source is ErrNotFound.
//
// The bytes go to the blob store (Store.Blobs) first, in their own
// transaction, keyed by their SHA-256; then one transaction records the
// file, raises the source's Revision (its JSON, and so its ETag, changed),
// gives a verdict open on the claim a new version (ChangeFileAttached) so
// that approvals of the evidence as it was stop counting, and writes the
// audit event. A blob whose row is then not written stays unreferenced.
func (s *Store) AttachPreparedFile(ctx context.Context, actor *User, m Meta, sourceID uint, p *PreparedFile) (*SourceFile, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("attach file: %w", ErrForbidden)
	}
	// Refuse before storing the bytes when the source cannot take them.
	src, err := findSource(s.read(ctx), sourceID)
	if err != nil {
		return nil, err
	}
	var c Claim
	if err := s.read(ctx).Select("id", "status").Where("id = ?", src.ClaimID).Take(&c).Error; err != nil {
		return nil, fmt.Errorf("claim of source %d: %w", sourceID, err)
	}
	if err := evidenceOpen(&c); err != nil {
		return nil, err
	}
	sum, err := s.putFile(ctx, p)
	if err != nil {
		return nil, err
	}
	var out *SourceFile
	err = s.write(ctx, func(tx *gorm.DB) error {
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceID)
		if err != nil {
			return err
		}
		if err := evidenceOpen(c); err != nil {
			return err
		}
		out, err = s.attachFile(tx, actor, m, c, src, p, sum)
		return err
	})
	return out, err
}

// attachFile records in tx the file p, whose bytes the blob store keeps
// under sum, as attached to src of claim c (both locked, the evidence
// open), with its consequences and audit event (see AttachPreparedFile).
func (s *Store) attachFile(tx *gorm.DB, actor *User, m Meta, c *Claim, src *Source, p *PreparedFile, sum string) (*SourceFile, error) {
	f := &SourceFile{SourceID: src.ID, SHA256: sum, ContentType: p.ContentType, Size: int64(len(p.Data)),
		Filename: p.Filename, OriginalSHA256: p.OriginalSHA256, UploadedBy: &actor.ID, CreatedAt: s.now()}
	if err := tx.Create(f).Error; err != nil {
		return nil, fmt.Errorf("insert source file: %w", err)
	}
	if err := s.fileChanged(tx, c, src, actor, ChangeFileAttached); err != nil {
		return nil, err
	}
	return f, s.audit(tx, m, event{actor: actor, action: "source.file.attach", objectType: "claim", objectID: c.ID, after: f.view()})
}

// putFile keeps p's bytes in the blob store, outside any transaction, and
// returns their hash; "" when p is nil.
func (s *Store) putFile(ctx context.Context, p *PreparedFile) (string, error) {
	if p == nil {
		return "", nil
	}
	return s.Blobs().Put(ctx, p.Data)
}

// RemoveSourceFile removes a file from its source, under the same rule as
// attaching one (AttachPreparedFile): 403, 404, or 409 once the claim is
// published or retracted. The open verdict gets a new version
// (ChangeFileRemoved). The blob stays: another file or snapshot may share
// its bytes.
func (s *Store) RemoveSourceFile(ctx context.Context, actor *User, m Meta, fileID uint) error {
	if !actor.Can(RoleEditor) {
		return fmt.Errorf("remove file: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var sourceIDs []uint
		if err := tx.Model(&SourceFile{}).Where("id = ?", fileID).Pluck("source_id", &sourceIDs).Error; err != nil {
			return fmt.Errorf("find file %d: %w", fileID, err)
		}
		if len(sourceIDs) == 0 {
			return fmt.Errorf("file %d: %w", fileID, ErrNotFound)
		}
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceIDs[0])
		if err != nil {
			return err
		}
		if err := evidenceOpen(c); err != nil {
			return err
		}
		var f SourceFile
		err = tx.Where("id = ? AND source_id = ?", fileID, src.ID).Take(&f).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("file %d: %w", fileID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("find file %d: %w", fileID, err)
		}
		if err := tx.Delete(&f).Error; err != nil {
			return fmt.Errorf("delete file %d: %w", fileID, err)
		}
		if err := s.fileChanged(tx, c, src, actor, ChangeFileRemoved); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "source.file.remove", objectType: "claim", objectID: c.ID, before: f.view()})
	})
}

// fileChanged records that src's files changed: the source's Revision, the
// claim's time of change, and a new version of the open verdict.
func (s *Store) fileChanged(tx *gorm.DB, c *Claim, src *Source, actor *User, change VersionChange) error {
	if err := tx.Model(&Source{}).Where("id = ?", src.ID).
		Updates(map[string]any{"revision": gorm.Expr("revision + 1"), "updated_at": s.now()}).Error; err != nil {
		return fmt.Errorf("touch source %d: %w", src.ID, err)
	}
	if err := touchClaim(tx, c.ID, s.now()); err != nil {
		return err
	}
	return s.newVersionOfOpenVerdict(tx, c.ID, actor, change)
}

// SourceFiles lists the files of the given sources, oldest first within
// each source.
func (s *Store) SourceFiles(ctx context.Context, sourceIDs ...uint) ([]SourceFile, error) {
	if len(sourceIDs) == 0 {
		return nil, nil
	}
	var out []SourceFile
	if err := s.read(ctx).Where("source_id IN ?", sourceIDs).Order("source_id, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("source files: %w", err)
	}
	return out, nil
}

// GetSourceFile returns one source's file by its id, or ErrNotFound.
func (s *Store) GetSourceFile(ctx context.Context, id uint) (*SourceFile, error) {
	var f SourceFile
	err := s.read(ctx).Where("id = ?", id).Take(&f).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("file %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find file %d: %w", id, err)
	}
	return &f, nil
}

// fileReason is the reason for media's refusal of a file. In English it is
// media's own words, which name what the file was found to be and what is
// wrong with it in detail ("is a program (application/x-executable), which
// is not kept: …"); the catalogue's messages, for pages in other
// languages, name the type found and what is kept.
func fileReason(err error) Reason {
	var refused *media.RefusedError
	var bad *media.MalformedError
	switch {
	case errors.As(err, &refused) && refused.Detected == "":
		return NewReason("reasons.file_empty", "is empty")
	case errors.As(err, &refused):
		r := NewReason("reasons.file_not_kept", "is not kept: this site keeps only PNG, JPEG, WebP, GIF, PDF, MP3, MP4, WebM or UTF-8 plain text ({{.Type}})",
			"Type", refused.Detected)
		r.English = refused.Message
		return r
	case errors.As(err, &bad):
		r := NewReason("reasons.file_malformed", "is not a whole file of its type ({{.Type}}), so it cannot be cleaned of location data", "Type", bad.ContentType)
		r.English = bad.Message
		return r
	}
	return NewReason("reasons.not_accepted", "is not accepted")
}
