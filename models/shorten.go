package models

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shorten shortens s to at most max characters, at a word boundary when
// one is near, and marks the cut with an ellipsis (counted in max); its runs of white
// space become single spaces.
func Shorten(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max-1])
	if !unicode.IsSpace(r[max-1]) { // mid-word: back off to the last space, if one is near
		if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > 0 && utf8.RuneCountInString(cut[:i]) > max/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}
