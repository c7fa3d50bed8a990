package handlers

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// archiveCSP is the Content-Security-Policy of an archived copy: a
// sandbox (no scripts, no forms, no plugins, an origin of its own) that
// loads nothing, from outside or from this site, but inline styles.
const archiveCSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self'"

// archiveShow serves GET /archive/{sha256}: the bytes of a source's
// archived page or attached file, as they were kept, under their own
// content type, sandboxed (archiveCSP, nosniff) and named by their hash
// (the ETag). Memento-Datetime and Link rel="original" (RFC 7089) say
// when a page was taken and from where. Copies that no published
// fact-check shows are served to the desk only; to anyone else, and for
// any other path, 404. Ranges and If-None-Match are honoured.
func (h *Handler) archiveShow(c echo.Context) error {
	ctx := c.Request().Context()
	sum := c.Param("sha256")
	cp, err := h.store.ArchivedCopyBySHA(ctx, sum)
	if err != nil {
		return err
	}
	if u := currentUser(c); !cp.Public && (u == nil || !u.Can(models.RoleEditor)) {
		return echo.ErrNotFound
	}
	hd := c.Response().Header()
	hd.Set("Content-Security-Policy", archiveCSP)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Type", cp.ContentType)
	hd.Set("ETag", `"`+cp.SHA256+`"`)
	if cp.Public {
		// Not immutable: a copy may be withdrawn (a source removed in an
		// update); revalidating costs a 304 and no read.
		hd.Set("Cache-Control", "public, max-age=3600")
	} else {
		hd.Set("Cache-Control", "private, no-cache")
	}
	name := cp.Filename
	if cp.OriginalURL != "" {
		hd.Set("Memento-Datetime", cp.Taken.UTC().Format(http.TimeFormat))
		hd.Set("Link", "<"+linkTarget.Replace(cp.OriginalURL)+`>; rel="original"`)
		name = "archived-" + cp.SHA256[:12] + extension(cp.ContentType)
	}
	if d := mime.FormatMediaType("inline", map[string]string{"filename": name}); d != "" && name != "" {
		hd.Set("Content-Disposition", d)
	}
	if etagMatches(c.Request().Header.Get("If-None-Match"), cp.SHA256) {
		return c.NoContent(http.StatusNotModified)
	}
	// Each read holds the whole copy in memory: few run at once.
	release, err := acquireSlot(ctx, h.blobSlots, 10*time.Second, 5*time.Second)
	if err != nil {
		return err
	}
	defer release()
	data, err := h.store.Blobs().Get(ctx, sum)
	if err != nil {
		return err
	}
	http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(data))
	return nil
}

// linkTarget escapes what would end or split a URL inside a Link header's
// angle brackets (RFC 8288).
var linkTarget = strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "%22", " ", "%20")

// maxBlobReads is how many archived copies an instance reads from the
// blob store at once.
const maxBlobReads = 4

// etagMatches reports whether an If-None-Match header names the strong
// ETag of sha256hex, or is "*" (RFC 9110, section 13.1.2).
func etagMatches(header, sha256hex string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == `"`+sha256hex+`"` {
			return true
		}
	}
	return false
}

// extension is the usual file name extension of content type ct.
func extension(ct string) string {
	mt, _, _ := mime.ParseMediaType(ct)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return ".html"
	case "text/plain":
		return ".txt"
	case "image/jpeg":
		return ".jpg"
	case "audio/mpeg":
		return ".mp3"
	}
	if i := strings.IndexByte(mt, '/'); i >= 0 {
		return "." + path.Base(strings.TrimPrefix(mt[i+1:], "x-"))
	}
	return ""
}
