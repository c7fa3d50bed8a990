package fetcher

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// isText reports whether a body of media type mt (lower case, without
// parameters) is text that Page.Text should hold decoded.
func isText(mt string) bool {
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case mt == "application/xhtml+xml", mt == "application/xml", mt == "application/json",
		strings.HasSuffix(mt, "+xml"), strings.HasSuffix(mt, "+json"):
		return true
	}
	return false
}

// decode converts body to UTF-8 and names the charset it was read as. The
// charset is found as a browser finds it (the WHATWG encoding sniffing
// algorithm, through golang.org/x/net/html/charset): a byte order mark
// first, then the charset parameter of contentType, then a <meta charset>
// or <meta http-equiv="Content-Type"> in the first 1024 bytes. When none
// of these says, a body that is valid UTF-8 throughout is UTF-8, and any
// other is windows-1252 (which also reads ISO-8859-1). Bytes that are not
// valid in the charset become U+FFFD.
func decode(body []byte, contentType string) (string, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		// The sniffer looks at 1024 bytes only, and pages are often
		// declared one charset and written in UTF-8; a body that is
		// valid UTF-8 throughout is almost never anything else.
		enc, name = unicode.UTF8, "utf-8"
	}
	if name == "utf-8" || enc == encoding.Nop {
		// encoding.Nop would pass invalid bytes through.
		enc, name = unicode.UTF8, "utf-8"
	}
	// A byte order mark, when there is one, wins and is dropped.
	out, _, err := transform.Bytes(unicode.BOMOverride(enc.NewDecoder()), body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD"), "utf-8"
	}
	return string(out), name
}
