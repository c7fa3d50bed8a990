package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// Markers around matched words in search results, which views turn into
// <mark> after escaping the rest. They are control characters, which the
// input policy refuses, and Search removes any that stored text holds
// before it marks the matches, so a snippet holds them only where a
// searched word matched.
const (
	HighlightStart = "\x02"
	HighlightEnd   = "\x03"
)

// rankLimit is the most matches a search ranks by relevance; broader
// searches list the newest matches first. Ranking reads every match (about
// 3 µs each on SQLite, 6 µs on PostgreSQL), so this bounds a search page's
// cost; a word on more than this many claims says little about which of
// them is the best match.
const rankLimit = 1000

// MaxSearchQuery is the longest search accepted, in characters.
const MaxSearchQuery = 200

// ErrQueryTooLong means a search was longer than MaxSearchQuery.
var ErrQueryTooLong = errors.New("search query too long")

// Search finds published fact-checks by every word of q, in any script,
// the public words of each claim being its words, summary, speaker, tags
// and published verdict's headline and explanation. Text and q are folded
// alike (FoldText: "equipe" finds "équipe"), on both engines.
//
// A claim is found when it holds every word of q as a word (the word
// index: stems of English words, so "hearing" finds "hearings"; text of
// unspaced scripts as pairs of characters, so "微芯片", "芯片" and "片" find
// "疫苗含有微芯片"), or when it holds every word of q inside its words (the
// substring index, when each word of q has three characters or more:
// "сказа" finds "сказал"). The first come first,
// best first (newest first when more than rankLimit claims match), then
// the others, newest first; what the substring index finds is the same on
// both engines. The matched words are marked in Snippet. Any input is
// safe: only letters, digits and marks reach the indexes.
func (s *Store) Search(ctx context.Context, q string, page, perPage int) ([]PublicItem, bool, error) {
	if utf8.RuneCountInString(q) > MaxSearchQuery {
		return nil, false, ErrQueryTooLong
	}
	terms := searchWords(q, 12)
	if len(terms) == 0 {
		return nil, false, nil
	}
	if page < 1 {
		page = 1
	}
	if perPage <= 0 || perPage > 50 {
		perPage = 20
	}
	db := s.read(ctx)
	w := s.wordQuery(terms)
	// First the page of matching ids; then the rows and the snippets of
	// that page only, which are the costly part. The claims the word index
	// finds come first, ranked: ranking reads every match, so when more
	// than rankLimit claims match, the newest come first instead, which
	// each engine answers by walking its index newest first and reading
	// only as far as the page.
	offset := (page - 1) * perPage
	var n int64
	if err := db.Raw(`SELECT count(*) FROM (SELECT 1 FROM `+w.from(false)+` WHERE `+w.where+` LIMIT ?) m`, append(w.args, rankLimit+1)...).Scan(&n).Error; err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	order := w.rank
	if n > rankLimit {
		order = w.newest
	}
	var ids []uint
	err := db.Raw(`SELECT c.id FROM `+w.from(true)+` WHERE `+w.where+` AND c.status IN ? ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(w.args, publicStatuses, perPage+1, offset)...).Scan(&ids).Error
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	// Then, once the word index's matches are all listed, the claims that
	// only the substring index finds.
	if len(ids) <= perPage && substringSearch(terms) {
		skip := 0
		if len(ids) == 0 && offset > 0 {
			// The page starts past the word index's matches: skip the
			// substring matches that earlier pages listed.
			var listed int64
			if err := db.Raw(`SELECT count(*) FROM (SELECT 1 FROM `+w.from(true)+` WHERE `+w.where+` AND c.status IN ? LIMIT ?) m`,
				append(w.args, publicStatuses, offset)...).Scan(&listed).Error; err != nil {
				return nil, false, fmt.Errorf("search: %w", err)
			}
			skip = offset - int(listed)
		}
		more, err := s.substringMatches(db, terms, w, perPage+1-len(ids), skip)
		if err != nil {
			return nil, false, err
		}
		ids = append(ids, more...)
	}
	more := len(ids) > perPage
	if more {
		ids = ids[:perPage]
	}
	if len(ids) == 0 {
		return nil, false, nil
	}
	out, err := s.publicItems(db, ids)
	if err != nil {
		return nil, false, err
	}
	if err := s.snippets(db, terms, out); err != nil {
		return nil, false, err
	}
	return out, more, nil
}

// wordSearch is a search's question to the word index, as SQL: the index
// table and what else the condition reads, the claim id the index gives,
// the condition and its arguments, and the orders by relevance and newest
// first (which read claims as c).
type wordSearch struct {
	table, id, with, where string
	args                   []any
	rank, newest           string
}

// from is the FROM clause of w's statement, with claims (as c) joined to
// the index when withClaims.
func (w wordSearch) from(withClaims bool) string {
	f := w.table
	if withClaims {
		f += " JOIN claims c ON c.id = " + w.id
	}
	return f + w.with
}

// wordQuery asks the word index for the claims that hold every one of
// terms as a word (its index word, see indexWord): a phrase of pairs of
// characters for an unspaced script, ending in any word that starts with
// the last character when that stands alone.
func (s *Store) wordQuery(terms []searchTerm) wordSearch {
	parts := make([]string, len(terms))
	switch s.dialect {
	case migrations.SQLite:
		for i, t := range terms {
			parts[i] = `"` + strings.Join(t.tokens, " ") + `"`
			if t.prefix {
				parts[i] += " *"
			}
		}
		return wordSearch{table: "claims_fts f", id: "f.rowid", where: "claims_fts MATCH ?",
			args: []any{strings.Join(parts, " AND ")},
			rank: "bm25(claims_fts, 4.0, 3.0, 2.0, 2.0, 1.0, 2.0), c.id DESC", newest: "f.rowid DESC"}
	}
	for i, t := range terms {
		parts[i] = "(" + tsPhrase(t.tokens, t.prefix) + ")"
	}
	return wordSearch{table: "claim_search cs", id: "cs.claim_id", with: ", CAST(? AS tsquery) q", where: "cs.document @@ q",
		args: []any{strings.Join(parts, " & ")}, rank: "ts_rank(cs.document, q) DESC, c.id DESC", newest: "cs.claim_id DESC"}
}

// substringSearch reports whether the substring index is asked about
// terms: when each has three characters or more (inside the words of a
// spaced script, one or two letters would match nearly every claim), and
// not all are of unspaced scripts alone, which the word index finds
// wherever they are.
func substringSearch(terms []searchTerm) bool {
	spaced := false
	for _, t := range terms {
		if t.runes < 3 {
			return false
		}
		spaced = spaced || t.spaced
	}
	return spaced
}

// substringMatches returns up to limit public claims, after skipping skip,
// newest first, whose folded public text holds every one of terms and
// that the word query w does not find: an FTS5 trigram table on SQLite, a
// GIN index of trigrams on PostgreSQL, there checked against the text
// itself.
func (s *Store) substringMatches(db *gorm.DB, terms []searchTerm, w wordSearch, limit, skip int) ([]uint, error) {
	folded := make([]string, len(terms))
	for i, t := range terms {
		folded[i] = t.folded
	}
	var ids []uint
	var err error
	switch s.dialect {
	case migrations.SQLite:
		err = db.Raw(`SELECT t.rowid FROM claims_trgm t JOIN claims c ON c.id = t.rowid
			WHERE claims_trgm MATCH ? AND c.status IN ?
				AND t.rowid NOT IN (SELECT `+w.id+` FROM `+w.from(false)+` WHERE `+w.where+`)
			ORDER BY t.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{`"` + strings.Join(folded, `" AND "`) + `"`, publicStatuses}, w.args...), limit, skip)...).Scan(&ids).Error
	case migrations.Postgres:
		var grams []string
		conds := []string{"cs.grams @@ CAST(? AS tsquery)"}
		args := []any{nil}
		for _, f := range folded {
			grams = append(grams, strings.Fields(trigrams(f))...)
			conds, args = append(conds, "strpos(cs.folded, ?) > 0"), append(args, f)
		}
		args[0] = tsAny(grams, "", true)
		args = append(append(args, publicStatuses), w.args...)
		// The word query reads claim_search once more, as cs of its own.
		err = db.Raw(`SELECT c.id FROM claim_search cs JOIN claims c ON c.id = cs.claim_id
			WHERE `+strings.Join(conds, " AND ")+` AND c.status IN ?
				AND cs.claim_id NOT IN (SELECT `+w.id+` FROM `+w.from(false)+` WHERE `+w.where+`)
			ORDER BY cs.claim_id DESC LIMIT ? OFFSET ?`, append(args, limit, skip)...).Scan(&ids).Error
	}
	if err != nil {
		return nil, fmt.Errorf("search inside words: %w", err)
	}
	return ids, nil
}

// searchTerm is one word of a search, folded (FoldText).
type searchTerm struct {
	// folded is the word as it is folded, which the substring index and
	// the snippets look for.
	folded string
	// runes is how many characters it has.
	runes int
	// tokens are the words the word index holds for it, in order: a
	// phrase when there are more than one (see indexWords).
	tokens []string
	// prefix is set when its last token is a character of an unspaced
	// script standing alone: any word of the index that starts with it
	// matches.
	prefix bool
	// unspaced and spaced are set when it holds letters of an unspaced
	// script, of a spaced one.
	unspaced, spaced bool
}

// searchWords returns up to max distinct words of q, folded, in order:
// each run of letters, digits and marks (see wordRuns) of two characters
// or more, or of digits, or of an unspaced script, where one character
// may be a word.
func searchWords(q string, max int) []searchTerm {
	f := FoldText(q)
	var out []searchTerm
	seen := map[string]bool{}
	for _, r := range wordRuns(f) {
		t := searchTerm{folded: f[r.start:r.end]}
		t.runes = utf8.RuneCountInString(t.folded)
		for i, p := range r.parts {
			t.unspaced = t.unspaced || p.unspaced
			t.spaced = t.spaced || !p.unspaced
			// A run that the word goes on from is closed in the text too.
			for _, w := range partTokens(f, p, i < len(r.parts)-1) {
				t.tokens = append(t.tokens, indexWord(w))
			}
		}
		last := r.parts[len(r.parts)-1]
		t.prefix = last.unspaced && utf8.RuneCountInString(f[last.start:last.end]) == 1
		if seen[t.folded] || (t.runes < 2 && !t.unspaced && !isDigits(t.folded)) {
			continue
		}
		seen[t.folded] = true
		out = append(out, t)
		if len(out) == max {
			break
		}
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
