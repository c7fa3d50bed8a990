package models

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Search folding and tokens: how the text of claims and of searches is
// made comparable, the same way on SQLite and on PostgreSQL. Both engines
// index and are asked only text that FoldText has folded, so that neither
// engine's own idea of case, accents or letters decides what is found.

// FoldText folds s for search: its compatibility decomposition (NFKD,
// Unicode UAX #15: "ﬁ" → "fi", full-width "Ａ" → "A"), without its
// nonspacing marks (category Mn: accents, Arabic harakat, Hebrew points,
// so "équipe" → "equipe"), in full Unicode case folding (CaseFolding.txt,
// golang.org/x/text/cases: "Straße" → "strasse", "ΣΟΦΌΣ" and "σοφός" →
// "σοφοσ"). It is the one folding of every search index and every search
// query on both engines.
func FoldText(s string) string {
	// Case folding maps each character on its own, so the whole text
	// folds at once.
	return cases.Fold().String(dropNonspacing(norm.NFKD.String(s)))
}

// dropNonspacing returns s without its nonspacing marks (category Mn).
func dropNonspacing(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
}

// foldedText is a text folded as FoldText folds it, which remembers where
// each of its bytes came from in the original.
type foldedText struct {
	text string
	// from and to are, for each byte of text, the start and end in the
	// original of the characters it was folded from.
	from, to []int
}

// foldTracked folds s as FoldText does, one normalisation segment (a
// character with its marks) at a time, so that a match in the folded
// text can be marked in s itself.
func foldTracked(s string) foldedText {
	caser := cases.Fold()
	var out foldedText
	var b strings.Builder
	b.Grow(len(s))
	emit := func(f string, from, to int) {
		b.WriteString(f)
		for range len(f) {
			out.from = append(out.from, from)
			out.to = append(out.to, to)
		}
	}
	for i := 0; i < len(s); {
		j := i + norm.NFKD.NextBoundaryInString(s[i:], true)
		if j == i+1 && s[i] < utf8.RuneSelf {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			emit(string(c), i, j)
		} else if seg := dropNonspacing(norm.NFKD.String(s[i:j])); seg != "" {
			emit(caser.String(seg), i, j)
		}
		i = j
	}
	out.text = b.String()
	return out
}

// unspaced reports whether r is a letter of a script written without
// spaces between its words (Chinese, Japanese, Thai, Lao, Khmer, Burmese),
// whose words the index cannot tell apart: their text is indexed as
// overlapping pairs of characters (see indexTokens).
func unspaced(r rune) bool {
	if r < firstUnspaced {
		return false
	}
	return unicode.In(r, unspacedScripts...) ||
		r == 'ー' || r == '々' // the Japanese long vowel and repetition marks
}

// unspacedScripts are the scripts of unspaced, and firstUnspaced the
// lowest character of any of them: below it unspaced need not look
// through their tables (eight binary searches a character of a Latin
// text, most of the time it took to split one into words).
var (
	unspacedScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}
	firstUnspaced = func() rune {
		first := 'ー'
		for _, t := range unspacedScripts {
			if len(t.R16) > 0 {
				first = min(first, rune(t.R16[0].Lo))
			} else if len(t.R32) > 0 {
				first = min(first, rune(t.R32[0].Lo))
			}
		}
		return min(first, '々')
	}()
)

// wordRune reports whether r is part of a word: a letter, a digit or a
// mark (the vowel signs of Indic scripts are marks).
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// textPart is a stretch of a folded text, as byte offsets: a word of a
// spaced script, or a run of letters of an unspaced one.
type textPart struct {
	start, end int
	unspaced   bool
}

// textRun is a run of word characters of a folded text (no space or
// punctuation inside) and the parts it is made of: "iphone手机" is one
// run of two parts.
type textRun struct {
	start, end int
	parts      []textPart
}

// wordRuns splits a folded text into its runs of word characters. A mark
// belongs to the part of the letter before it.
func wordRuns(s string) []textRun {
	var runs []textRun
	var cur *textRun
	for i, r := range s {
		if !wordRune(r) {
			cur = nil
			continue
		}
		end := i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			end = i + 1
		}
		if cur == nil {
			runs = append(runs, textRun{start: i})
			cur = &runs[len(runs)-1]
		}
		cur.end = end
		u := unspaced(r)
		if n := len(cur.parts); n > 0 && (unicode.IsMark(r) || cur.parts[n-1].unspaced == u) {
			cur.parts[n-1].end = end
			continue
		}
		cur.parts = append(cur.parts, textPart{start: i, end: end, unspaced: u})
	}
	return runs
}

// partTokens are the words the full-text index holds for one part of a
// folded text: a word of a spaced script as it is; a run of an unspaced
// script as its overlapping pairs of characters ("疫苗含有" → "疫苗",
// "苗含", "含有") followed, when closed is set, by its last character
// alone ("有"), or as itself when it is one character. With the last
// character, a word of the index starts with every character of the run,
// so that one character is found anywhere by the words that start with
// it; a search's word that ends inside a run ("微芯" in "微芯片") asks for
// its pairs without it.
func partTokens(s string, p textPart, closed bool) []string {
	w := s[p.start:p.end]
	if !p.unspaced {
		return []string{w}
	}
	rs := []rune(w)
	if len(rs) < 2 {
		return []string{w}
	}
	out := make([]string, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	if closed {
		out = append(out, string(rs[len(rs)-1]))
	}
	return out
}

// indexToken is one word of a folded text as the full-text index holds
// it (see indexWord); unspaced is set for a pair of characters of an
// unspaced script (or a character standing alone), single for a last
// character written alone after the pairs.
type indexToken struct {
	text             string
	unspaced, single bool
}

// indexTokens returns the words of s, after folding it (FoldText), in
// order: its words of spaced scripts as they are, its runs of unspaced
// scripts as pairs of characters and their last character (see
// partTokens).
func indexTokens(s string) []indexToken {
	f := FoldText(s)
	var out []indexToken
	for _, r := range wordRuns(f) {
		for _, p := range r.parts {
			toks := partTokens(f, p, true)
			for i, t := range toks {
				out = append(out, indexToken{t, p.unspaced, p.unspaced && len(toks) > 1 && i == len(toks)-1})
			}
		}
	}
	return out
}

// indexWord is the word the full-text index holds for a folded word w:
// its English stem when it is written in the letters a to z
// (Snowball's English stemmer, as PostgreSQL's english configuration has
// it: "communications" → "communic"), else w itself. Both engines index
// and are asked these words, with no stemming or stop words of their own,
// so that they find the same claims.
func indexWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	stemsMu.Lock()
	st, ok := stemsSeen[w]
	stemsMu.Unlock()
	if ok {
		return st
	}
	st = english.Stem(w, true)
	stemsMu.Lock()
	if len(stemsSeen) >= maxStemsSeen {
		clear(stemsSeen)
	}
	stemsSeen[w] = st
	stemsMu.Unlock()
	return st
}

// stemsSeen keeps the stems of the words indexWord stemmed last (at most
// maxStemsSeen, then it starts afresh): a claim's words are mostly those
// of others, and stemming is most of the cost of indexing one.
var (
	stemsMu      sync.Mutex
	stemsSeen    = map[string]string{}
	maxStemsSeen = 1 << 16
)

// indexWords returns the words the full-text index holds of s (see
// indexTokens and indexWord).
func indexWords(s string) []string {
	toks := indexTokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = indexWord(t.text)
	}
	return out
}

// indexText is s as the full-text word index is given it on both engines:
// its index words (indexWords) between single spaces, so that each
// engine's own word splitting finds exactly these words.
func indexText(s string) string { return strings.Join(indexWords(s), " ") }

// trigrams returns the distinct sequences of three characters inside the
// runs of word characters of a folded text, separated by spaces: what the
// PostgreSQL substring index holds (SQLite's FTS5 trigram tokenizer makes
// its own from the same folded text).
func trigrams(folded string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, r := range wordRuns(folded) {
		rs := []rune(folded[r.start:r.end])
		for i := 0; i+3 <= len(rs); i++ {
			g := string(rs[i : i+3])
			if seen[g] {
				continue
			}
			seen[g] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g)
		}
	}
	return b.String()
}

// PostgreSQL's full-text values are written here in its own syntax
// (tsvector and tsquery literals, cast rather than parsed), so that its
// words are exactly the store's (indexWords), whatever the database's
// LC_CTYPE says letters are.

// Limits of a tsvector (PostgreSQL's documentation, "Text Search Types"):
// positions run from 1 to 16383, a lexeme keeps at most 256 of them, and
// is at most 2046 bytes long.
const (
	tsMaxPosition  = 16383
	tsMaxPositions = 256
	tsMaxLexeme    = 2046
)

// tsLexeme is w quoted as a lexeme of a tsvector or tsquery literal.
func tsLexeme(w string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(w) + "'"
}

// tsLexemes is the tsvector literal of words, without positions.
func tsLexemes(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = tsLexeme(w)
	}
	return strings.Join(quoted, " ")
}

// weightedText is a field of a claim and its weight in the word index
// (A, the most, to D).
type weightedText struct {
	text   string
	weight byte
}

// tsvectorOf is the tsvector literal of fields: their index words at their
// positions with their weights, one position left between two fields, so
// that no phrase runs from one into the next (as SQLite's index keeps each
// field a column of its own).
func tsvectorOf(fields []weightedText) string {
	positions := map[string][]string{}
	var order []string
	pos := 0
	for _, f := range fields {
		for _, w := range indexWords(f.text) {
			pos = min(pos+1, tsMaxPosition)
			p := positions[w]
			at := strconv.Itoa(pos) + string(f.weight)
			if len(w) > tsMaxLexeme || len(p) == tsMaxPositions || (len(p) > 0 && strings.TrimRight(p[len(p)-1], "ABCD") == strconv.Itoa(pos)) {
				continue
			}
			if p == nil {
				order = append(order, w)
			}
			positions[w] = append(p, at)
		}
		pos = min(pos+1, tsMaxPosition)
	}
	var b strings.Builder
	for i, w := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tsLexeme(w))
		b.WriteByte(':')
		b.WriteString(strings.Join(positions[w], ","))
	}
	return b.String()
}

// tsPhrase is the tsquery literal that matches words one after another,
// the last as a prefix when prefix is set.
func tsPhrase(words []string, prefix bool) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = tsLexeme(w)
	}
	q := strings.Join(quoted, " <-> ")
	if prefix {
		q += ":*"
	}
	return q
}

// tsAny is the tsquery literal that matches any of lexemes (of the
// weights, letters A to D, when weights is not empty), or all of them
// when all is set.
func tsAny(lexemes []string, weights string, all bool) string {
	quoted := make([]string, len(lexemes))
	for i, l := range lexemes {
		quoted[i] = tsLexeme(l)
		if weights != "" {
			quoted[i] += ":" + weights
		}
	}
	op := " | "
	if all {
		op = " & "
	}
	return strings.Join(quoted, op)
}
