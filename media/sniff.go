// Package media decides which uploaded files Claimtracker keeps and makes
// them safe to publish: Sniff names a file's type from its bytes (never
// from its name or the type a browser claims) and refuses every type
// outside a short allow-list; StripLocation removes the metadata that can
// say where a photo was taken, without touching its pixels.
package media

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"
)

// The content types Sniff returns: the whole allow-list. Plain text is
// always UTF-8 and carries its charset so that it is served as such.
const (
	PNG   = "image/png"
	JPEG  = "image/jpeg"
	WebP  = "image/webp"
	GIF   = "image/gif"
	PDF   = "application/pdf"
	MP3   = "audio/mpeg"
	MP4   = "video/mp4"
	WebM  = "video/webm"
	Text  = "text/plain; charset=utf-8"
	kinds = "PNG, JPEG, WebP, GIF, PDF, MP3, MP4, WebM or plain text"
)

// kept maps a type the detector may name to the allow-listed type it is
// kept as. APNG is a PNG (browsers show its first frame where they do not
// animate it); an MP4 of audio alone (M4A) or with Apple's M4V brand is the
// same ISO base media file (RFC 4337) and plays as video/mp4. Plain data
// formats that are text and nothing more (CSV, TSV, JSON, subtitles) are
// kept as plain text: served as text/plain with nosniff they can do
// nothing but be read.
var kept = map[string]string{
	"image/png":                 PNG,
	"image/apng":                PNG,
	"image/jpeg":                JPEG,
	"image/webp":                WebP,
	"image/gif":                 GIF,
	"application/pdf":           PDF,
	"audio/mpeg":                MP3,
	"video/mp4":                 MP4,
	"audio/mp4":                 MP4,
	"audio/x-m4a":               MP4,
	"video/x-m4v":               MP4,
	"video/webm":                WebM,
	"text/plain":                Text,
	"text/csv":                  Text,
	"text/tab-separated-values": Text,
	"application/json":          Text,
	"application/geo+json":      Text,
	"application/x-ndjson":      Text,
	"application/x-subrip":      Text,
	"text/vtt":                  Text,
}

// RefusedError says that a file is of a type Claimtracker does not keep.
// Its message follows the name of the field that held the file ("file is
// application/x-elf, which is not kept: PNG, JPEG, …"), so that callers can
// show it next to that field as it is.
type RefusedError struct {
	// Detected is the type read from the bytes ("application/x-elf",
	// "text/html", "text/plain; charset=iso-8859-1"), or "" for an empty
	// file.
	Detected string
	// Message says why, for people.
	Message string
}

// Error returns the message for people.
func (e *RefusedError) Error() string { return e.Message }

func refused(detected, format string, args ...any) *RefusedError {
	return &RefusedError{Detected: detected, Message: fmt.Sprintf(format, args...)}
}

// Sniff returns the content type of data, read from its bytes by
// github.com/gabriel-vasile/mimetype (magic numbers, the WHATWG MIME
// Sniffing Standard's patterns), when it is one that Claimtracker keeps:
// PNG, JPEG, WebP, GIF, PDF, MP3, MP4, WebM, or UTF-8 plain text (the
// constants above). Anything else is a *RefusedError naming the type found.
//
// Refused on purpose, whatever the file is called:
//   - programs (ELF, Windows PE/MZ, Mach-O, Java classes, WebAssembly) and
//     archives, which are not evidence a reader can look at;
//   - HTML, XHTML, SVG and other XML, which can carry scripts;
//   - scripts, text whose first line is a "#!" interpreter line (for
//     example "#!/bin/sh"): the detector calls many of them text, but the
//     system runs such a file as a program once it is marked executable;
//     a script's words that matter as evidence belong in the excerpt;
//   - text that is not UTF-8 throughout, or that holds control characters
//     other than tab, line feed, form feed and carriage return (the
//     detector reads only the first few kilobytes; the whole file is
//     checked here).
func Sniff(data []byte) (contentType string, err error) {
	if len(data) == 0 {
		return "", refused("", "is empty")
	}
	m := mimetype.Detect(data)
	full := m.String()
	base, _, _ := strings.Cut(full, ";")
	base = strings.TrimSpace(base)
	if isText(m) {
		return sniffText(data, full, base)
	}
	if t, ok := kept[base]; ok {
		return t, nil
	}
	return "", refused(full, "is %s, which is not kept: %s", describe(base), kinds)
}

// isText reports whether the detector placed m under text/plain.
func isText(m *mimetype.MIME) bool {
	for p := m; p != nil; p = p.Parent() {
		if base, _, _ := strings.Cut(p.String(), ";"); base == "text/plain" {
			return true
		}
	}
	return false
}

// utf8BOM is the byte order mark that UTF-8 text may begin with.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffText keeps text that is UTF-8 plain text or plain data throughout.
func sniffText(data []byte, full, base string) (string, error) {
	body := bytes.TrimPrefix(data, utf8BOM)
	if bytes.HasPrefix(body, []byte("#!")) {
		return "", refused(full, "is a script (its first line starts with #!), which is not kept: %s", kinds)
	}
	t, ok := kept[base]
	if !ok {
		return "", refused(full, "is %s, which is not kept: %s", describe(base), kinds)
	}
	if !utf8.Valid(body) {
		if _, cs, found := strings.Cut(full, "charset="); found && !strings.EqualFold(cs, "utf-8") {
			return "", refused(full, "is text in %s, which is not kept: plain text must be UTF-8", strings.ToUpper(cs))
		}
		return "", refused(full, "is not UTF-8 text throughout, which is not kept: plain text must be UTF-8")
	}
	for i, r := range string(body) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r' || r == 0x7F {
			return "", refused("application/octet-stream", "holds a control character (U+%04X at byte %d), so it is not plain text, which is not kept: %s", r, i+len(data)-len(body), kinds)
		}
	}
	return t, nil
}

// names are words for the refused types people meet most, shown before
// the type itself.
var names = map[string]string{
	"application/x-elf":                             "a program",
	"application/x-executable":                      "a program",
	"application/x-sharedlib":                       "a program library",
	"application/x-object":                          "a program's object code",
	"application/x-mach-binary":                     "a program",
	"application/vnd.microsoft.portable-executable": "a Windows program",
	"application/x-ms-installer":                    "a Windows installer",
	"application/wasm":                              "a WebAssembly program",
	"application/x-java-applet":                     "a Java program",
	"text/html":                                     "HTML",
	"application/xhtml+xml":                         "XHTML",
	"image/svg+xml":                                 "SVG",
	"text/xml":                                      "XML",
	"text/javascript":                               "JavaScript",
	"text/x-shellscript":                            "a shell script",
	"application/zip":                               "a ZIP archive",
	"application/octet-stream":                      "of no recognised type",
}

// describe names a refused type for people: "a program
// (application/x-elf)", or the bare type when it has no common name.
func describe(base string) string {
	if n, ok := names[base]; ok {
		return n + " (" + base + ")"
	}
	return base
}
