package models

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"claimtracker/migrations"
)

// maxSameWords is how many claims holding a text's words as a phrase
// sameWords reads to find those that are the same text; more than this
// share a long phrase only when the text is a handful of common words.
const maxSameWords = 50

// phraseTokens is how many of a text's first words sameWords asks the
// full-text index for as a phrase: enough to be rare, few enough that the
// query stays small however long the claim.
const phraseTokens = 32

// SameWords reports whether a and b are the same words once case, runs of
// white space and quotation marks are set aside: "“I did not…”" and
// "i did  not…" are the same words; "I did not…" and "I had not…" are not.
// It is the test SimilarClaims uses for a Score of 1.
func SameWords(a, b string) bool { return sameWordsKey(a) == sameWordsKey(b) }

// sameWordsKey folds s for SameWords: each letter lower-cased (rune by
// rune, so the key has as many characters as the folded text), every
// single and double quotation mark written as ' or ", each run of white
// space as one space, and the quotation marks and spaces around the whole
// text removed.
func sameWordsKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(foldQuote(unicode.ToLower(r)))
	}
	return strings.Trim(b.String(), `"' `)
}

// foldQuote writes every single quotation mark, apostrophe and prime as '
// and every double one (guillemets and CJK corner brackets included) as ".
func foldQuote(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '‹', '›', '`', '´', '「', '」':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '『', '』', '＂':
		return '"'
	}
	return r
}

// phraseWords returns the first max words the full-text index holds of s
// (see indexWords), in order.
func phraseWords(s string, max int) []string {
	words := indexWords(s)
	return words[:min(len(words), max)]
}

// sameWords returns the claims, other than exclude, whose words are text's
// (see SameWords), oldest first, each with Score 1 and Exact set. The
// full-text index finds the claims that open with text's first words as
// a phrase (SQLite; Postgres finds them anywhere in the claim), and each
// is then compared whole.
func (s *Store) sameWords(ctx context.Context, text string, exclude uint) ([]Similar, error) {
	words := phraseWords(text, phraseTokens)
	if len(words) == 0 {
		return nil, nil
	}
	var rows []Similar
	var err error
	db := s.read(ctx)
	switch s.dialect {
	case migrations.SQLite:
		// The words are letters, digits and marks only: safe in a phrase.
		// The index of the claims' words alone (see sqliteIndexes).
		err = db.Raw(`SELECT c.id, c.slug, c.text, c.summary, p.name AS speaker, c.status
			FROM claims_words f JOIN claims c ON c.id = f.rowid JOIN people p ON p.id = c.person_id
			WHERE claims_words MATCH ? AND c.id <> ? ORDER BY c.id LIMIT ?`,
			`^"`+strings.Join(words, " ")+`"`, exclude, maxSameWords).Scan(&rows).Error
	case migrations.Postgres:
		err = db.Raw(`SELECT c.id, c.slug, c.text, c.summary, p.name AS speaker, c.status
			FROM claim_search cs JOIN claims c ON c.id = cs.claim_id JOIN people p ON p.id = c.person_id
			WHERE cs.document @@ CAST(? AS tsquery) AND c.id <> ? ORDER BY c.id LIMIT ?`,
			tsPhrase(words, false), exclude, maxSameWords).Scan(&rows).Error
	}
	if err != nil {
		return nil, fmt.Errorf("claims with the same words: %w", err)
	}
	key := sameWordsKey(text)
	out := rows[:0]
	for _, r := range rows {
		if sameWordsKey(r.Text) == key {
			r.Score, r.Exact = 1, true
			out = append(out, r)
		}
	}
	return out, nil
}
