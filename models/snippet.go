package models

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// TagsSnippet begins the snippet of a claim that a search found by its
// tags alone: "Tags: russia, testimony", the matched tags marked.
const TagsSnippet = "Tags: "

// snippetWords is how long a snippet is, in words of a spaced script; a
// character of an unspaced script counts as a third of a word.
const snippetWords = 24

// snippets sets the Snippet of each of items, which a search of terms
// found: the passage of its public words that best shows why, from its
// words, summary, speaker, headline or explanation (as plain text, see
// reindexClaims), with every matched word marked; or, for a claim found by
// its tags alone, TagsSnippet and its tags with the matched ones marked.
// Snippets are made here rather than by either engine, so that they are
// the same on both and mark what either index found: a word inside
// another, or inside a text of an unspaced script.
func (s *Store) snippets(db *gorm.DB, terms []searchTerm, items []PublicItem) error {
	ids := make([]uint, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	type text struct {
		ID          uint
		Explanation string
	}
	var plain []text
	q := `SELECT rowid AS id, explanation FROM claims_trgm WHERE rowid IN ?`
	if s.dialect == migrations.Postgres {
		q = `SELECT claim_id AS id, explanation FROM claim_search WHERE claim_id IN ?`
	}
	if err := db.Raw(q, ids).Scan(&plain).Error; err != nil {
		return fmt.Errorf("search snippets: %w", err)
	}
	var tags []ClaimTag
	if err := db.Where("claim_id IN ?", ids).Order("claim_id, tag").Find(&tags).Error; err != nil {
		return fmt.Errorf("search snippets: %w", err)
	}
	explanations := make(map[uint]string, len(plain))
	for _, p := range plain {
		explanations[p.ID] = p.Explanation
	}
	byClaim := map[uint][]string{}
	for _, t := range tags {
		byClaim[t.ClaimID] = append(byClaim[t.ClaimID], t.Tag)
	}
	for i, it := range items {
		items[i].Snippet = snippet([]string{it.Text, it.Summary, it.PersonName, it.Headline, explanations[it.ID]},
			strings.Join(byClaim[it.ID], ", "), terms)
	}
	return nil
}

// snippet is the snippet of a claim whose prose fields (the first its
// words) and tags a search of terms found.
func snippet(prose []string, tags string, terms []searchTerm) string {
	var best *matchedText
	for i, p := range prose {
		if i > 0 && !mayMatch(p, terms) {
			continue
		}
		m := matchText(p, terms)
		if best == nil || bits.OnesCount16(m.found) > bits.OnesCount16(best.found) {
			best = &m
		}
	}
	if best.found == 0 {
		if t := matchText(tags, terms); t.found != 0 {
			return TagsSnippet + t.cut(0, len(t.units))
		}
		// Found by a stem only the engine's stemmer knows: the start
		// of the claim's words, unmarked.
		m := matchText(prose[0], nil)
		best = &m
	}
	return best.passage()
}

// mayMatch reports whether any of terms may match in s (see matchText):
// whether its folded text holds any of them, or the start of a stem.
func mayMatch(s string, terms []searchTerm) bool {
	f := FoldText(s)
	for _, t := range terms {
		if strings.Contains(f, t.folded) || (len(t.tokens) == 1 && !t.unspaced && strings.Contains(f, stemStart(t.tokens[0]))) {
			return true
		}
	}
	return false
}

// stemStart is how every word with the stem st starts, but for a last
// letter changed ("happy" → "happi").
func stemStart(st string) string { return st[:max(len(st)-1, 0)] }

// matchedText is a text with the matches of a search's terms in it.
type matchedText struct {
	orig   string
	folded foldedText
	// units are the stretches a snippet is measured in: each word of a
	// spaced script, each character of an unspaced one.
	units []snippetUnit
	// marks are the matches, in the folded text, in order, not
	// overlapping.
	marks []textMark
	// found has a bit set for each term found.
	found uint16
}

// snippetUnit is a word, or a character of an unspaced script, of a
// folded text: its bytes, its weight (3 for a word, 1 for a character) and
// the terms it matches.
type snippetUnit struct {
	start, end, weight int
	terms              uint16
}

// textMark is a match of terms in a folded text.
type textMark struct {
	start, end int
	terms      uint16
}

// matchText finds terms in s, with any highlight markers it holds removed
// (see HighlightStart). A term matches wherever its folded form is in the
// folded text, and a whole word of a spaced script is marked where it
// matches inside it; a word with the same simple English stem (see stem)
// matches too, as in the word index ("communications" marks
// "communicate", see indexWord).
func matchText(s string, terms []searchTerm) matchedText {
	s = strings.NewReplacer(HighlightStart, "", HighlightEnd, "").Replace(s)
	m := matchedText{orig: s, folded: foldTracked(s)}
	f := m.folded.text
	var words []textPart
	for _, r := range wordRuns(f) {
		for _, p := range r.parts {
			if !p.unspaced {
				words = append(words, p)
				m.units = append(m.units, snippetUnit{start: p.start, end: p.end, weight: 3})
				continue
			}
			for i := range f[p.start:p.end] {
				m.units = append(m.units, snippetUnit{start: p.start + i, weight: 1})
			}
		}
	}
	// The units of an unspaced run end where the next begins; a rune's
	// continuation bytes belong to it.
	for i := range m.units {
		if m.units[i].end == 0 {
			m.units[i].end = runeEnd(f, m.units[i].start)
		}
	}
	// wordAt is the word of a spaced script that holds byte i, if any.
	wordAt := func(i int) (textPart, bool) {
		k := sort.Search(len(words), func(k int) bool { return words[k].end > i })
		if k < len(words) && words[k].start <= i {
			return words[k], true
		}
		return textPart{}, false
	}
	var marks []textMark
	for ti, t := range terms {
		bit := uint16(1) << ti
		for from := 0; from < len(f); {
			i := strings.Index(f[from:], t.folded)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(t.folded)
			if w, ok := wordAt(a); ok {
				a = w.start
			}
			if w, ok := wordAt(b - 1); ok {
				b = w.end
			}
			marks = append(marks, textMark{a, b, bit})
			from = from + i + len(t.folded)
		}
		if st := t.tokens[0]; len(t.tokens) == 1 && !t.unspaced {
			// Only words that start as the stem does are stemmed.
			start := stemStart(st)
			for _, w := range words {
				if word := f[w.start:w.end]; strings.HasPrefix(word, start) && indexWord(word) == st {
					marks = append(marks, textMark{w.start, w.end, bit})
				}
			}
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	for _, k := range marks {
		if n := len(m.marks); n > 0 && k.start < m.marks[n-1].end {
			m.marks[n-1].end = max(m.marks[n-1].end, k.end)
			m.marks[n-1].terms |= k.terms
		} else {
			m.marks = append(m.marks, k)
		}
		m.found |= k.terms
	}
	for i := range m.units {
		for _, k := range m.marks {
			if k.start < m.units[i].end && m.units[i].start < k.end {
				m.units[i].terms |= k.terms
			}
		}
	}
	return m
}

// runeEnd is the end of the character that starts at byte i of s.
func runeEnd(s string, i int) int {
	for _, r := range s[i:] {
		return i + len(string(r))
	}
	return len(s)
}

// passage is the stretch of m, snippetWords long, that holds the most of
// the terms found, those closest together (the first such), centred on
// them, with "…" where it cuts the text.
func (m *matchedText) passage() string {
	if len(m.units) == 0 {
		return m.cut(0, 0)
	}
	budget := 3 * snippetWords
	// from..last are the units of the best cluster of matches, span its
	// weight.
	from, last, best, span := 0, -1, 0, 0
	for i, u := range m.units {
		if u.terms == 0 {
			continue
		}
		var have uint16
		for j, w := i, 0; j < len(m.units) && w+m.units[j].weight <= budget; j++ {
			w += m.units[j].weight
			if m.units[j].terms&^have == 0 {
				continue
			}
			have |= m.units[j].terms
			if n := bits.OnesCount16(have); n > best || n == best && w < span {
				from, last, best, span = i, j, n, w
			}
		}
	}
	// The room left around the cluster goes half before it.
	to, w := last+1, span
	lead := (budget - span) / 2
	for from > 0 && m.units[from-1].weight <= lead {
		lead -= m.units[from-1].weight
		w += m.units[from-1].weight
		from--
	}
	for to < len(m.units) && w+m.units[to].weight <= budget {
		w += m.units[to].weight
		to++
	}
	for from > 0 && w+m.units[from-1].weight <= budget {
		from--
		w += m.units[from].weight
	}
	return m.cut(from, to)
}

// cut is the original text of units from..to-1 with the matches marked,
// from the start of the text when from is 0 and to its end when to is the
// last, else with "…"; runs of white space are one space.
func (m *matchedText) cut(from, to int) string {
	begin, end := 0, len(m.orig)
	if from > 0 {
		begin = m.folded.from[m.units[from].start]
	}
	if to < len(m.units) && to > 0 {
		end = m.folded.to[m.units[to-1].end-1]
	}
	var b strings.Builder
	at := begin
	for _, k := range m.marks {
		a, z := m.folded.from[k.start], m.folded.to[k.end-1]
		if z <= begin || a >= end {
			continue
		}
		a, z = max(a, at), min(z, end)
		b.WriteString(m.orig[at:a])
		b.WriteString(HighlightStart)
		b.WriteString(m.orig[a:z])
		b.WriteString(HighlightEnd)
		at = z
	}
	b.WriteString(m.orig[at:end])
	out := strings.Join(strings.Fields(b.String()), " ")
	if from > 0 {
		out = "…" + out
	}
	if to < len(m.units) && to > 0 {
		out += "…"
	}
	return out
}
