package handlers

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// uploadRoutes are the routes whose requests may carry a file, by their
// registered path: their body may be as large as the largest file kept
// plus uploadOverhead; every other route's is MaxBodyBytes.
var uploadRoutes = map[string]bool{
	"/desk/claims/:id/sources":  true,
	"/desk/sources/:id":         true,
	"/api/v1/sources/:id/files": true,
}

// maxUploads is how many uploaded files an instance holds in memory at
// once: each may take about three times the file size limit while it is
// checked, stripped and stored. A further upload waits for a slot up to
// uploadWait, then gets 503 with a Retry-After.
const maxUploads = 2

// uploadWait is how long an upload waits for a free slot.
const uploadWait = 15 * time.Second

// uploadOverhead is what an upload route's body may hold besides the file:
// the form's other fields and the multipart framing.
const uploadOverhead = MaxBodyBytes

// bodyLimit is the largest body the route of c accepts, in bytes.
func (h *Handler) bodyLimit(c echo.Context) int64 {
	if uploadRoutes[c.Path()] {
		return h.store.MaxFileBytes() + uploadOverhead
	}
	return MaxBodyBytes
}

// tooLarge is the error of an upload route's body over its limit (413),
// saying the largest file kept.
func (h *Handler) tooLarge() error {
	return &models.TooLargeError{Limit: h.store.MaxFileBytes()}
}

// uploadErr turns a body cut off at an upload route's limit into the
// error that says the largest file kept (413); other errors pass.
func (h *Handler) uploadErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return h.tooLarge()
	}
	return err
}

// upload is a file sent in a multipart form.
type upload struct {
	Filename string
	Data     []byte
}

// formUpload reads the file sent in the field of a form parsed already
// (parseForm); nil when the form is not multipart or its field holds no
// file, or an empty one with no name (a file input left empty). A file
// over the size limit is a *models.TooLargeError (413); its bytes are read
// no further than the limit. The multipart parser keeps parts larger than
// MaxBodyBytes in temporary files, which the server removes when the
// request ends.
func (h *Handler) formUpload(c echo.Context, field string) (*upload, error) {
	r := c.Request()
	if r.MultipartForm == nil || len(r.MultipartForm.File[field]) == 0 {
		return nil, nil
	}
	fh := r.MultipartForm.File[field][0]
	if fh.Size == 0 && fh.Filename == "" {
		return nil, nil
	}
	limit := h.store.MaxFileBytes()
	if fh.Size > limit {
		return nil, h.tooLarge()
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	release, err := acquireSlot(r.Context(), h.uploadSlots, uploadWait, 5*time.Second)
	if err != nil {
		return nil, err
	}
	// The slot is held until the request ends, with the bytes read.
	context.AfterFunc(r.Context(), release)
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, h.tooLarge()
	}
	return &upload{Filename: fh.Filename, Data: data}, nil
}

// fileJSON is a file attached to a source. URL is where it is served:
// /archive/{sha256} on this site, as an absolute URL. SHA256 names the bytes kept (location
// metadata removed); OriginalSHA256 those uploaded.
type fileJSON struct {
	ID             uint   `json:"id"`
	SourceID       uint   `json:"source_id"`
	SHA256         string `json:"sha256"`
	OriginalSHA256 string `json:"original_sha256"`
	URL            string `json:"url"`
	ContentType    string `json:"content_type"`
	Size           int64  `json:"size"`
	Filename       string `json:"filename"`
	UploadedBy     *uint  `json:"uploaded_by"`
	UploadedAt     string `json:"uploaded_at"`
}

// newFileJSON converts one source's file.
func (h *Handler) newFileJSON(f *models.SourceFile) fileJSON {
	return fileJSON{ID: f.ID, SourceID: f.SourceID, SHA256: f.SHA256, OriginalSHA256: f.OriginalSHA256, URL: h.absURL(components.ArchivePath(f.SHA256)),
		ContentType: f.ContentType, Size: f.Size, Filename: f.Filename, UploadedBy: f.UploadedBy, UploadedAt: stampJSON(f.CreatedAt)}
}
