// Package input is Claimtracker's one policy for text that comes from
// outside: form fields, JSON members, query strings and path parameters
// pass through Clean where the HTTP layer decodes them, before anything
// else reads them, and the store checks the text it is given with Check
// (and URLs with URL) whatever the caller, command line included.
//
// The policy, for every Kind:
//   - the text must be valid UTF-8;
//   - NUL and the other C0 and C1 control characters (U+0000–U+001F,
//     U+007F–U+009F) are refused, except tab, line feed and carriage
//     return in text that may span lines;
//   - a single-line field holds no line break, not even U+2028 or U+2029.
//
// Clean then normalises what it lets through (except for Exact text):
//   - line ends become "\n" (CRLF and a lone CR alike);
//   - the text is put in Unicode normalisation form C, so the same words
//     are the same bytes in the database, its indexes and its URLs;
//   - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) are removed from single-line fields, where they serve
//     no honest purpose and can make a name display as other text. In text
//     that spans lines they are kept only when balanced within their line:
//     an opener whose closer is missing, or a closer without its opener, is
//     removed, so no override can run past the line, let alone the field,
//     however the text is rendered.
//
// The directional marks U+200E, U+200F and U+061C are kept everywhere: they
// do not reorder text beyond their neighbours, and mixed-script names and
// numbers need them to display correctly.
package input

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind is the shape of a field's text; it decides what Clean allows and
// what it changes.
type Kind uint8

const (
	// SingleLine is a single-line field: a name, title, slug, tag, email,
	// outlet, headline, summary, URL, choice or query parameter.
	SingleLine Kind = iota
	// MultiLine is text that may span lines: a claim's words, an excerpt, an
	// explanation, a comment, a note, a description.
	MultiLine
	// Exact is text whose bytes matter as they were sent: passwords, and
	// article text whose byte offsets are reported back. It is checked
	// like MultiLine and never changed.
	Exact
)

// Problem is what is wrong with a text.
type Problem uint8

// The problems Clean and URL report.
const (
	// BadEncoding: the text is not valid UTF-8.
	BadEncoding Problem = iota + 1
	// ControlCharacter: the text holds NUL or another control character
	// that its Kind does not allow.
	ControlCharacter
	// LineBreak: a single-line field holds a line break.
	LineBreak
	// NotWebURL: the text is not an absolute http or https URL.
	NotWebURL
	// TooLong: a URL is longer than MaxURL bytes.
	TooLong
	// SpaceInURL: a URL holds a space, or an invisible formatting
	// character such as U+200B, anywhere: as two addresses pasted into
	// one field do.
	SpaceInURL
)

// Error says why a text was refused. Its message is phrased to follow a
// field's name ("email must not contain control characters (U+0000)"), so
// that callers can show it as the field's error as it is.
type Error struct {
	Problem Problem
	// Rune is the refused character, for ControlCharacter, LineBreak and
	// SpaceInURL.
	Rune rune
	// Offset is the byte offset in the text where the problem is.
	Offset int
}

// Error describes the problem for a person.
func (e *Error) Error() string {
	switch e.Problem {
	case BadEncoding:
		return "must be valid UTF-8 text"
	case LineBreak:
		return "must be a single line"
	case NotWebURL:
		return "must be an http or https URL"
	case TooLong:
		return fmt.Sprintf("must be at most %d characters", MaxURL)
	case SpaceInURL:
		if unicode.IsSpace(e.Rune) {
			return "must be a single http or https URL, without spaces"
		}
		return fmt.Sprintf("must not contain invisible characters (U+%04X)", e.Rune)
	}
	return fmt.Sprintf("must not contain control characters (U+%04X)", e.Rune)
}

// multiLineFields are the fields that may span lines, by the last part of
// their name.
var multiLineFields = map[string]bool{
	"text": true, "excerpt": true, "explanation": true, "comment": true, "note": true,
	"description": true, "corrections_policy": true, "body": true,
}

// FieldKind is the kind of the field named name, wherever it comes from (a
// form, a query parameter, a JSON body, the command line): MultiLine for
// the running texts (an article's or claim's text, an excerpt, an
// explanation, a comment, a note, a description, the corrections policy,
// a body), SingleLine for every other field (names, titles, labels,
// tags). A dotted name is known by its last part: "sources.2.excerpt" is
// an excerpt.
func FieldKind(name string) Kind {
	if multiLineFields[name[strings.LastIndexByte(name, '.')+1:]] {
		return MultiLine
	}
	return SingleLine
}

// Line cleans a single-line field; see Clean.
func Line(s string) (string, error) { return Clean(s, SingleLine) }

// Text cleans a field that may span lines; see Clean.
func Text(s string) (string, error) { return Clean(s, MultiLine) }

// Check reports the first problem of s as text of kind k, or nil. It
// changes nothing: Clean is Check followed by the normalisation.
func Check(s string, k Kind) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			return &Error{Problem: BadEncoding, Offset: i}
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if k == SingleLine {
				return &Error{Problem: LineBreak, Rune: r, Offset: i}
			}
		case r == '\t':
			if k == SingleLine {
				return &Error{Problem: ControlCharacter, Rune: r, Offset: i}
			}
		case unicode.IsControl(r):
			return &Error{Problem: ControlCharacter, Rune: r, Offset: i}
		}
	}
	return nil
}

// validAt reports whether the U+FFFD at s[i:] was written as such rather
// than decoded from invalid bytes.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

// Clean applies the policy to s as text of kind k (see the package
// documentation): it returns the normalised text, or a *Error naming the
// first problem and the text unchanged. It does not trim spaces; callers
// trim where the field's meaning allows.
func Clean(s string, k Kind) (string, error) {
	if err := Check(s, k); err != nil {
		return s, err
	}
	if k == Exact {
		return s, nil
	}
	if k == MultiLine && strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if hasBidiControl(s) {
		if k == SingleLine {
			s = strings.Map(func(r rune) rune {
				if isBidiControl(r) {
					return -1
				}
				return r
			}, s)
		} else {
			s = balanceBidi(s)
		}
	}
	return norm.NFC.String(s), nil
}

// Scrub makes a single line of what a client sends unasked, such as its
// User-Agent header, which is kept (in sessions, the audit log) and shown
// but never refused: invalid UTF-8 becomes U+FFFD, control characters and
// line breaks become spaces, bidirectional controls are dropped, and the
// result is in NFC. Unlike Clean it never fails.
func Scrub(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case isBidiControl(r):
			return -1
		case unicode.IsControl(r) || isLineEnd(r):
			return ' '
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// Invisible reports whether r is a default-ignorable code point (Unicode
// property Default_Ignorable_Code_Point, UAX #44): a character that shows
// nothing of its own where it is not supported, such as the zero-width
// space, joiner and non-joiner (U+200B–U+200D), the word joiner (U+2060),
// the byte order mark (U+FEFF), the soft hyphen, the Hangul fillers
// (U+115F, U+1160, U+3164, U+FFA0), the combining grapheme joiner, the
// variation selectors and the tag characters. The directional marks and
// the bidirectional controls are among them.
func Invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), unicode.Is(unicode.Variation_Selector, r):
		return true
	case !unicode.Is(unicode.Cf, r):
		return false
	}
	// Format characters that show a sign of their own are not ignorable.
	return !(r >= '\uFFF9' && r <= '\uFFFB') && !(r >= 0x13430 && r <= 0x1343F) &&
		!unicode.Is(unicode.Prepended_Concatenation_Mark, r)
}

// TrimInvisible trims white space and invisible characters (Invisible)
// from both ends of s, as a name, a title or a claim's words are kept: a
// byte order mark or a zero-width space pasted with the text, a Hangul
// filler that makes a blank name look filled. Inside the text they stay
// (Persian, the Indic scripts and emoji need the joiners), and so do, at
// either end, the directional marks (U+200E, U+200F, U+061C), which the
// policy keeps, the bidirectional controls, which Clean balances, and, at
// the end, a variation selector or an emoji tag
// sequence, which belong to the character before them.
func TrimInvisible(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || trimmable(r)
	})
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || trimmable(r) && !unicode.Is(unicode.Variation_Selector, r) && !(r >= 0xE0020 && r <= 0xE007F)
	})
}

// trimmable reports whether TrimInvisible drops r at an end of a text:
// an invisible character other than a directional mark and a
// bidirectional control (Clean keeps the balanced ones, in pairs that a
// trim must not part).
func trimmable(r rune) bool {
	return Invisible(r) && r != '\u200E' && r != '\u200F' && r != '\u061C' && !isBidiControl(r)
}

// Bidirectional formatting characters that open a scope, and the ones
// that close it.
const (
	lre, rle, pdf, lro, rlo = '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'
	lri, rli, fsi, pdi      = '\u2066', '\u2067', '\u2068', '\u2069'
)

// isBidiControl reports whether r is an embedding, override or isolate
// control, or the character that closes one.
func isBidiControl(r rune) bool {
	return (r >= lre && r <= rlo) || (r >= lri && r <= pdi)
}

func hasBidiControl(s string) bool {
	return strings.ContainsFunc(s, isBidiControl)
}

// isLineEnd reports whether r ends a line for balancing.
func isLineEnd(r rune) bool {
	return r == '\n' || r == '\u2028' || r == '\u2029'
}

// balanceBidi keeps each bidirectional control only when its scope opens
// and closes on the same line, as the Unicode bidirectional algorithm pairs
// them: a PDI closes the latest open isolate and every embedding opened
// after it; a PDF closes the latest embedding or override, unless an
// isolate opened after it is still open.
func balanceBidi(s string) string {
	rs := []rune(s)
	keep := make([]bool, len(rs))
	var open []int // indexes of the openers not yet closed, on this line
	closeLine := func() { open = open[:0] }
	for i, r := range rs {
		switch {
		case isLineEnd(r):
			keep[i] = true
			closeLine()
		case r == lre || r == rle || r == lro || r == rlo || r == lri || r == rli || r == fsi:
			open = append(open, i)
		case r == pdf:
			if n := len(open); n > 0 && !isIsolateOpener(rs[open[n-1]]) {
				keep[open[n-1]], keep[i] = true, true
				open = open[:n-1]
			}
		case r == pdi:
			for n := len(open) - 1; n >= 0; n-- {
				if isIsolateOpener(rs[open[n]]) {
					// Embeddings opened inside the isolate and left open
					// end here too, unkept: their closers are missing.
					keep[open[n]], keep[i] = true, true
					open = open[:n]
					break
				}
			}
		default:
			keep[i] = true
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		if keep[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isIsolateOpener(r rune) bool { return r == lri || r == rli || r == fsi }

// MaxURL is the longest URL accepted, in bytes.
const MaxURL = 2000

// URL is the one check of a URL that comes from outside, for every URL
// field (an article's, a claim's appearance, a source's, the settings'),
// whichever way it comes: a single line under the policy above, at most
// MaxURL bytes, with no space or invisible formatting character anywhere
// (RFC 3986 §2 has no place for either: a space is written %20), and an
// absolute http or https URL with a host. It returns the cleaned URL or a
// *Error. It says nothing of where the URL points; fetching it is for the
// fetcher to allow.
func URL(s string) (string, error) {
	s, err := Line(s)
	if err != nil {
		return s, err
	}
	if len(s) > MaxURL {
		return s, &Error{Problem: TooLong, Offset: MaxURL}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return s, &Error{Problem: NotWebURL}
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return s, &Error{Problem: SpaceInURL, Rune: r, Offset: i}
	}
	return s, nil
}
