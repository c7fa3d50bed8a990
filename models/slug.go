package models

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
)

// Slugify turns a name or sentence into a short URL path segment of lowercase
// ASCII letters, digits and hyphens, at most max bytes, cut at a word.
func Slugify(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // accents dropped: "é" → "e"
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			continue // "it's" → "its"
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// uniqueSlug returns base, or base-2, base-3… whichever table does not
// hold yet. Each probe is one lookup on the unique slug index.
func uniqueSlug(tx *gorm.DB, table, base string) (string, error) {
	if base == "" {
		base = "item"
	}
	for i := 1; ; i++ {
		c := base
		if i > 1 {
			c = fmt.Sprintf("%s-%d", base, i)
		}
		var n int64
		if err := tx.Table(table).Where("slug = ?", c).Limit(1).Count(&n).Error; err != nil {
			return "", fmt.Errorf("find free slug: %w", err)
		}
		if n == 0 {
			return c, nil
		}
	}
}
