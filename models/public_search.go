package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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

// Search finds published fact-checks whose words, summary, speaker, tags,
// headline or explanation hold every word of q, best first (newest first
// when more than rankLimit claims match), with the matched words marked in
// Snippet. Any input is safe: only letters and digits reach the index.
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
	// First the page of matching ids, ranked; then the rows and the
	// highlighted passages of that page only, which are the costly part.
	// Ranking reads every match; when a search matches more than rankLimit
	// claims, the newest matches come first instead, which each engine
	// answers by walking the claims newest first and reading only as far as
	// the page.
	var ids []uint
	var err error
	var n int64
	db := s.read(ctx)
	switch s.dialect {
	case migrations.SQLite:
		match := `"` + strings.Join(terms, `" AND "`) + `"`
		if err := db.Raw(`SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)`, match, rankLimit+1).Scan(&n).Error; err != nil {
			return nil, false, fmt.Errorf("search: %w", err)
		}
		order := "bm25(claims_fts, 4.0, 3.0, 2.0, 2.0, 1.0, 2.0), c.id DESC"
		if n > rankLimit {
			order = "f.rowid DESC"
		}
		err = db.Raw(`SELECT f.rowid FROM claims_fts f JOIN claims c ON c.id = f.rowid
			WHERE claims_fts MATCH ? AND c.status IN ?
			ORDER BY `+order+` LIMIT ? OFFSET ?`,
			match, publicStatuses, perPage+1, (page-1)*perPage).Scan(&ids).Error
	case migrations.Postgres:
		tsq := strings.Join(terms, " & ")
		if err := db.Raw(`SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE document @@ to_tsquery('english', ?) LIMIT ?) m`, tsq, rankLimit+1).Scan(&n).Error; err != nil {
			return nil, false, fmt.Errorf("search: %w", err)
		}
		order := "ts_rank(cs.document, q) DESC, c.id DESC"
		if n > rankLimit {
			order = "cs.claim_id DESC"
		}
		err = db.Raw(`SELECT c.id FROM claim_search cs JOIN claims c ON c.id = cs.claim_id, to_tsquery('english', ?) q
			WHERE cs.document @@ q AND c.status IN ?
			ORDER BY `+order+` LIMIT ? OFFSET ?`,
			tsq, publicStatuses, perPage+1, (page-1)*perPage).Scan(&ids).Error
	}
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
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
	snip, err := s.snippets(db, terms, ids)
	if err != nil {
		return nil, false, err
	}
	for i := range out {
		out[i].Snippet = snip[out[i].ID]
	}
	return out, more, nil
}

// TagsSnippet begins the snippet of a claim that a search found by its
// tags alone: "Tags: russia, testimony", the matched tags marked.
const TagsSnippet = "Tags: "

// snippets returns, for each of the claims ids that a search of terms
// found, the passage of its public words that best shows why: from its
// words, summary, speaker, headline or explanation (as plain text, see
// reindexClaims), with every matched word marked; or, for a claim found by
// its tags alone, TagsSnippet and its tags with the matched ones marked.
func (s *Store) snippets(db *gorm.DB, terms []string, ids []uint) (map[uint]string, error) {
	type row struct {
		ID            uint
		Snippet, Tags string
	}
	var rows []row
	// The engine marks matches with words drawn at random for this search,
	// which no stored text can hold; they become HighlightStart and
	// HighlightEnd once any of those the text held are gone.
	start, end := snippetMarkers()
	any := `"` + strings.Join(terms, `" OR "`) + `"`
	var err error
	switch s.dialect {
	case migrations.SQLite:
		// The passage is drawn from the columns that hold prose: a claim
		// none of whose prose matches has no row here, and its tags are
		// marked below.
		err = db.Raw(`SELECT rowid AS id, snippet(claims_fts, -1, ?, ?, '…', 24) AS snippet FROM claims_fts
			WHERE claims_fts MATCH ? AND rowid IN ?`,
			start, end, `{text summary speaker headline explanation} : (`+any+`)`, ids).Scan(&rows).Error
		if err == nil && len(rows) < len(ids) {
			var tagged []row
			err = db.Raw(`SELECT rowid AS id, highlight(claims_fts, 5, ?, ?) AS tags FROM claims_fts
				WHERE claims_fts MATCH ? AND rowid IN ?`,
				start, end, `{tags} : (`+any+`)`, ids).Scan(&tagged).Error
			rows = append(rows, tagged...)
		}
	case migrations.Postgres:
		err = db.Raw(`SELECT c.id,
			ts_headline('english', c.text || E'\n' || v.headline || E'\n' || cs.explanation, q, 'StartSel='||?||', StopSel='||?||', MaxWords=30, MinWords=12') AS snippet,
			ts_headline('english', COALESCE((SELECT string_agg(t.tag, ', ' ORDER BY t.tag) FROM claim_tags t WHERE t.claim_id = c.id), ''), q,
				'StartSel='||?||', StopSel='||?||', HighlightAll=true') AS tags
			FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.status = ? JOIN claim_search cs ON cs.claim_id = c.id,
				to_tsquery('english', ?) q
			WHERE c.id IN ?`,
			start, end, start, end, VerdictPublished, strings.Join(terms, " | "), ids).Scan(&rows).Error
	}
	if err != nil {
		return nil, fmt.Errorf("search snippets: %w", err)
	}
	marks := strings.NewReplacer(HighlightStart, "", HighlightEnd, "", start, HighlightStart, end, HighlightEnd)
	out := make(map[uint]string, len(ids))
	for _, r := range rows {
		switch {
		case strings.Contains(r.Snippet, start):
			out[r.ID] = marks.Replace(r.Snippet)
		case strings.Contains(r.Tags, start):
			if _, done := out[r.ID]; !done {
				out[r.ID] = TagsSnippet + marks.Replace(r.Tags)
			}
		case r.Snippet != "":
			if _, done := out[r.ID]; !done {
				out[r.ID] = marks.Replace(r.Snippet)
			}
		}
	}
	return out, nil
}

// snippetMarkers returns a fresh pair of words, letters and digits only,
// to mark the start and end of matches in one search's snippets.
func snippetMarkers() (start, end string) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	n := hex.EncodeToString(b)
	return "ctmatch" + n + "s", "ctmatch" + n + "e"
}

// searchWords returns up to max distinct words of q, lower-cased, in order;
// letters and digits only, so they are safe in any query syntax.
func searchWords(q string, max int) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range splitWords(strings.ToLower(q)) {
		if seen[w] || (utf8.RuneCountInString(w) < 2 && !isDigits(w)) {
			continue
		}
		seen[w] = true
		out = append(out, w)
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
