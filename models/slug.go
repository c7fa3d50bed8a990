package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"claimtracker/input"
)

// Slugify turns a name or sentence into a short URL path segment: its
// letters and digits, in any script, lower-cased, in Unicode NFC (UAX #15),
// each run of anything else (spaces, punctuation, symbols) one hyphen
// between words, at most max bytes. A longer one is cut after a word when
// a word ends in its second half, else after a character (with its
// marks), never inside one. "Путин сказал" → "путин-сказал", "حقائق
// الأسبوع" → "حقائق-الأسبوع".
//
// Latin letters lose their accents ("Équipe" → "equipe"), as they always
// have here: the slugs of Latin text are ASCII and the same as before
// slugs kept other scripts, so that tags and speakers' addresses made
// before match those made now. Letters of other scripts keep their marks
// (Hindi vowel signs, Cyrillic "й"). Apostrophes are dropped ("it's" →
// "its"), as are format characters such as the zero-width non-joiner
// inside Persian words and the Arabic tatweel, which only stretches a
// word, and every other invisible character (input.Invisible: zero-width
// spaces and joiners, the byte order mark, Hangul fillers, variation
// selectors); so is a combining mark that follows no letter it belongs to. The page routes take such a slug percent-encoded (RFC 3986), as
// browsers send it.
func Slugify(s string, max int) string {
	var b strings.Builder
	dash := false
	// keepMarks says whether the marks that follow belong to a letter
	// that keeps them: a letter of a script other than Latin.
	keepMarks := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case input.Invisible(r):
			// Zero-width characters, the byte order mark, Hangul
			// fillers (letters that show nothing), variation
			// selectors: nothing to read in an address. Marks after
			// one belong to no letter, except after a joiner, which
			// sits inside a word.
			if r != '\u200C' && r != '\u200D' {
				keepMarks = false
			}
			continue
		case unicode.IsMark(r):
			if keepMarks && !dash {
				b.WriteRune(r)
			}
		case r == 'ـ' || r == '\'' || r == '’' || unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			keepMarks = unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r)
		default:
			dash = true
		}
	}
	out := norm.NFC.String(b.String())
	if len(out) > max {
		out = out[:cutAt(out, max)]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// cutAt is the greatest byte offset of s, at most max, that starts a
// character other than a mark: where s may be cut without splitting a
// character or parting a letter from its marks.
func cutAt(s string, max int) int {
	i := max
	for i > 0 {
		if utf8.RuneStart(s[i]) {
			if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsMark(r) {
				return i
			}
		}
		i--
	}
	return 0
}
