package models

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// reindexClaim rewrites a claim's full-text entry; see reindexClaims.
func (s *Store) reindexClaim(tx *gorm.DB, id uint) error {
	return s.reindexClaims(tx, id, id)
}

// indexBatch is how many claims one statement indexes.
const indexBatch = 500

// reindexClaims rewrites the full-text entries of the claims with ids
// from..to from their current words, summary, speaker and tags and from
// their published verdict's headline and explanation: only what the public
// may read. A verdict still in review (or sent back, or superseded) is
// never indexed, so that a public search can neither find a claim by its
// words nor quote them in a snippet. The explanation is indexed as the
// plain text its readers see (PlainText), so that a snippet never shows
// Markdown. It runs inside every transaction that changes any of these or
// what is published (a claim edited, a verdict published, superseded or
// retracted with its claim, a correction), so the index never lags.
//
// An entry that already holds what it would be given is left as it is
// (a verdict proposed or sent back changes nothing the index holds), and
// the substring index holds public claims only (published or retracted:
// a public search finds no other), so that saving a draft or a verdict in
// review writes little: on SQLite each full-text row written costs a
// millisecond or more at 100,000 claims, most of it in merging the
// index's segments at commit (see docs/performance.md).
func (s *Store) reindexClaims(tx *gorm.DB, from, to uint) error {
	touchDeskTexts(tx, from, to)
	var docs []searchDoc
	err := tx.Raw(`SELECT c.id, c.status, c.text, c.summary, p.name AS speaker,
		COALESCE(v.headline, '') AS headline, COALESCE(v.explanation, '') AS explanation
		FROM claims c JOIN people p ON p.id = c.person_id
		LEFT JOIN verdicts v ON v.id = (SELECT id FROM verdicts WHERE claim_id = c.id AND status = ? ORDER BY id DESC LIMIT 1)
		WHERE c.id BETWEEN ? AND ? ORDER BY c.id`, VerdictPublished, from, to).Scan(&docs).Error
	if err != nil {
		return fmt.Errorf("read claims for index: %w", err)
	}
	var tags []ClaimTag
	if err := tx.Where("claim_id BETWEEN ? AND ?", from, to).Order("claim_id, tag").Find(&tags).Error; err != nil {
		return fmt.Errorf("read tags for index: %w", err)
	}
	byClaim := map[uint][]string{}
	for _, t := range tags {
		byClaim[t.ClaimID] = append(byClaim[t.ClaimID], t.Tag)
	}
	for i := range docs {
		docs[i].Explanation = PlainText(docs[i].Explanation)
		docs[i].Tags = strings.Join(byClaim[docs[i].ID], ", ")
	}
	if s.dialect == migrations.SQLite {
		return writeSQLiteIndex(tx, from, to, docs)
	}
	for len(docs) > 0 {
		n := min(len(docs), indexBatch)
		if err := writePostgresIndex(tx, docs[:n]); err != nil {
			return err
		}
		docs = docs[n:]
	}
	return nil
}

// searchDoc is what the full-text index holds of one claim.
type searchDoc struct {
	ID                                                  uint
	Status                                              ClaimStatus
	Text, Summary, Speaker, Headline, Explanation, Tags string
}

// folded is the claim's public text as the substring index holds it:
// each field folded (FoldText), one a line, in a fixed order.
func (d searchDoc) folded() string {
	return FoldText(strings.Join([]string{d.Text, d.Summary, d.Speaker, d.Headline, d.Explanation, d.Tags}, "\n"))
}

// sqliteIndexes are SQLite's full-text tables of claims, each row's rowid
// the claim's id:
//   - claims_fts, the word index of the public text, a column a field,
//     each given as indexText makes it (folded, English words stemmed,
//     unspaced scripts as pairs of characters), which the table does not
//     stem or split again (unicode61 without porter, taking marks as part
//     of words); Search weighs the columns as it ranks;
//   - claims_words, the same words of the claim's words alone, which the
//     similar-claims search reads (see alikeClaims): in a table of their
//     own, without the other fields' positions to step over, that takes
//     it less than half the time. Its tokenizer (ascii) takes the words as
//     they are, split at the spaces between them, so that its words are
//     exactly the store's and claim_word_counts counts the claims that
//     hold each;
//   - claims_trgm, the substring index: the folded public text (see
//     searchDoc.folded) in trigrams, and the explanation as plain text,
//     which search snippets quote; public claims only.
var sqliteIndexes = []struct {
	table   string
	columns []string
	// counted is set for the table whose words claim_word_counts counts
	// (see countWords).
	counted bool
}{
	{"claims_fts", []string{"text", "summary", "speaker", "headline", "explanation", "tags"}, false},
	{"claims_words", []string{"text"}, true},
	{"claims_trgm", []string{"doc", "explanation"}, false},
}

// sqliteEntries are the rows of the tables of sqliteIndexes that hold d, in
// their order: the values of their columns, nil for no row.
func sqliteEntries(d searchDoc) [][]string {
	text := indexText(d.Text)
	out := [][]string{{text, indexText(d.Summary), indexText(d.Speaker), indexText(d.Headline), indexText(d.Explanation), indexText(d.Tags)},
		{text}, nil}
	if d.Status.IsPublic() {
		out[2] = []string{d.folded(), d.Explanation}
	}
	return out
}

// writeSQLiteIndex makes SQLite's index entries of the claims with ids
// from..to those of docs (the claims that exist in that range; none to
// remove them all): in each table of sqliteIndexes, the rows that differ
// from what they should hold, or that are not wanted, are deleted, and
// the missing ones written, a statement for each indexBatch rows, and
// claim_word_counts follows the words of claims_words. The rows that
// already hold what they should are left alone: writing a row of a
// full-text table costs much more than reading it.
func writeSQLiteIndex(tx *gorm.DB, from, to uint, docs []searchDoc) error {
	want := make([]map[uint][]string, len(sqliteIndexes))
	for i := range want {
		want[i] = make(map[uint][]string, len(docs))
	}
	for _, d := range docs {
		for i, e := range sqliteEntries(d) {
			if e != nil {
				want[i][d.ID] = e
			}
		}
	}
	for i, ix := range sqliteIndexes {
		have, err := sqliteRows(tx, ix.table, ix.columns, from, to)
		if err != nil {
			return err
		}
		var stale []uint
		for id, row := range have {
			if w, ok := want[i][id]; !ok || !slices.Equal(w, row) {
				stale = append(stale, id)
			}
		}
		slices.Sort(stale)
		var add []uint
		for _, d := range docs {
			if w, ok := want[i][d.ID]; ok {
				if row, ok := have[d.ID]; !ok || !slices.Equal(w, row) {
					add = append(add, d.ID)
				}
			}
		}
		if ix.counted {
			counts := map[string]int{}
			for _, id := range stale {
				countWords(counts, have[id][0], -1)
			}
			for _, id := range add {
				countWords(counts, want[i][id][0], 1)
			}
			if err := addWordCounts(tx, counts); err != nil {
				return err
			}
		}
		for len(stale) > 0 {
			n := min(len(stale), indexBatch)
			if err := tx.Exec("DELETE FROM "+ix.table+" WHERE rowid IN ?", stale[:n]).Error; err != nil {
				return fmt.Errorf("unindex claims: %w", err)
			}
			stale = stale[n:]
		}
		row := "(" + strings.Repeat("?, ", len(ix.columns)) + "?)"
		for len(add) > 0 {
			n := min(len(add), indexBatch)
			rows := make([]string, n)
			args := make([]any, 0, n*(len(ix.columns)+1))
			for k, id := range add[:n] {
				rows[k] = row
				args = append(args, id)
				for _, v := range want[i][id] {
					args = append(args, v)
				}
			}
			err := tx.Exec("INSERT INTO "+ix.table+" (rowid, "+strings.Join(ix.columns, ", ")+") VALUES "+strings.Join(rows, ", "), args...).Error
			if err != nil {
				return fmt.Errorf("index claims: %w", err)
			}
			add = add[n:]
		}
	}
	return nil
}

// sqliteRows reads the rows of the full-text table whose rowids are
// from..to: the values of columns, by rowid.
func sqliteRows(tx *gorm.DB, table string, columns []string, from, to uint) (map[uint][]string, error) {
	rows, err := tx.Raw("SELECT rowid, "+strings.Join(columns, ", ")+" FROM "+table+" WHERE rowid BETWEEN ? AND ?", from, to).Rows()
	if err != nil {
		return nil, fmt.Errorf("read index entries: %w", err)
	}
	defer rows.Close()
	out := map[uint][]string{}
	for rows.Next() {
		var id uint
		vals := make([]string, len(columns))
		dest := []any{&id}
		for k := range vals {
			dest = append(dest, &vals[k])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read index entries: %w", err)
		}
		out[id] = vals
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read index entries: %w", err)
	}
	return out, nil
}

// countWords adds n to counts for each distinct word of text, a row of
// claims_words (the store's words between single spaces).
func countWords(counts map[string]int, text string, n int) {
	seen := map[string]bool{}
	for _, w := range strings.Fields(text) {
		if !seen[w] {
			seen[w] = true
			counts[w] += n
		}
	}
}

// addWordCounts adds counts (a word's change in the number of claims
// whose words hold it) to claim_word_counts, the number of rows of
// claims_words that hold each word, which keeps no word that none holds.
// The similar-claims search reads it (see countMatches) rather than count
// the rows of claims_words, which took it a millisecond for a common
// word.
func addWordCounts(tx *gorm.DB, counts map[string]int) error {
	fewer := false
	for w, n := range counts {
		if n == 0 {
			delete(counts, w)
		}
		fewer = fewer || n < 0
	}
	if len(counts) == 0 {
		return nil
	}
	js, err := json.Marshal(counts)
	if err != nil {
		return fmt.Errorf("count words: %w", err)
	}
	// WHERE true tells SQLite's parser that ON CONFLICT is the upsert's.
	err = tx.Exec(`INSERT INTO claim_word_counts (word, claims) SELECT key, value FROM json_each(?) WHERE true
		ON CONFLICT (word) DO UPDATE SET claims = claims + excluded.claims`, string(js)).Error
	if err == nil && fewer {
		err = tx.Exec(`DELETE FROM claim_word_counts WHERE claims <= 0
			AND word IN (SELECT key FROM json_each(?) WHERE value < 0)`, string(js)).Error
	}
	if err != nil {
		return fmt.Errorf("count words: %w", err)
	}
	return nil
}

// unindexClaims removes the SQLite index entries of the claims with ids
// from..to, from every table of sqliteIndexes (on PostgreSQL an entry is a
// row of claim_search, deleted with its claim).
func (s *Store) unindexClaims(tx *gorm.DB, from, to uint) error {
	return writeSQLiteIndex(tx, from, to, nil)
}

// writePostgresIndex writes the PostgreSQL index entries of docs, a row of
// claim_search each, in one statement: the word index (document) a
// tsvector written by the store (see tsvectorOf) of each field as
// indexText makes it, the words and summary weighing most (A), then the
// speaker, the headline and the tags (B), then the explanation (C); the
// folded public text (see searchDoc.folded) beside a GIN-indexed tsvector
// of its trigrams (see trigrams), the substring index, for public claims
// only (empty for the others); and the explanation as plain text, which
// search snippets quote. A row that already holds all this is not
// rewritten.
func writePostgresIndex(tx *gorm.DB, docs []searchDoc) error {
	rows := make([]string, len(docs))
	args := make([]any, 0, 5*len(docs))
	for i, d := range docs {
		rows[i] = "(?::bigint, ?::text, ?::text, ?::text, ?::text)"
		var folded, grams string
		if d.Status.IsPublic() {
			folded = d.folded()
			grams = tsLexemes(strings.Fields(trigrams(folded)))
		}
		args = append(args, d.ID, d.Explanation, tsvectorOf([]weightedText{{d.Text, 'A'}, {d.Summary, 'A'}, {d.Speaker, 'B'},
			{d.Headline, 'B'}, {d.Explanation, 'C'}, {d.Tags, 'B'}}), folded, grams)
	}
	err := tx.Exec(`INSERT INTO claim_search (claim_id, explanation, document, folded, grams)
		SELECT d.id, d.plain, CAST(d.document AS tsvector), d.folded, CAST(d.grams AS tsvector)
		FROM (VALUES `+strings.Join(rows, ", ")+`) AS d (id, plain, document, folded, grams)
		ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document, explanation = EXCLUDED.explanation,
			folded = EXCLUDED.folded, grams = EXCLUDED.grams
		WHERE claim_search.document IS DISTINCT FROM EXCLUDED.document OR claim_search.explanation IS DISTINCT FROM EXCLUDED.explanation
			OR claim_search.folded IS DISTINCT FROM EXCLUDED.folded`, args...).Error
	if err != nil {
		return fmt.Errorf("index claims: %w", err)
	}
	return nil
}

// indexMissing indexes every claim that has no full-text entry, in
// batches of its own transactions: after a migration that rebuilds the
// index (as 00018 does, to add the tags and to hold explanations as plain
// text, and 00025, to fold the text and add the substring index), after
// 00034, which adds the desk's search texts (see desk_search.go), and
// after one interrupted. Migrate runs it; it is quick when
// nothing is missing.
func (s *Store) indexMissing(ctx context.Context) error {
	missing := `SELECT c.id FROM claims c WHERE (NOT EXISTS (SELECT 1 FROM claims_fts f WHERE f.rowid = c.id)
		OR NOT EXISTS (SELECT 1 FROM claims_words w WHERE w.rowid = c.id)
		OR (c.status IN @public AND NOT EXISTS (SELECT 1 FROM claims_trgm t WHERE t.rowid = c.id))
		OR NOT EXISTS (SELECT 1 FROM claim_desk_texts d WHERE d.claim_id = c.id)) AND c.id > @after ORDER BY c.id LIMIT @n`
	if s.dialect == migrations.Postgres {
		missing = `SELECT c.id FROM claims c WHERE (NOT EXISTS (SELECT 1 FROM claim_search f WHERE f.claim_id = c.id)
		OR NOT EXISTS (SELECT 1 FROM claim_desk_texts d WHERE d.claim_id = c.id)) AND c.id > @after ORDER BY c.id LIMIT @n`
	}
	var after uint
	for {
		var ids []uint
		args := map[string]any{"public": publicStatuses, "after": after, "n": indexBatch}
		if err := s.w.WithContext(ctx).Raw(missing, args).Scan(&ids).Error; err != nil {
			return fmt.Errorf("find claims missing from the index: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := s.write(ctx, func(tx *gorm.DB) error { return s.reindexClaims(tx, ids[0], ids[len(ids)-1]) }); err != nil {
			return err
		}
		after = ids[len(ids)-1]
	}
}

// Similar is a logged claim that resembles new text.
type Similar struct {
	ID      uint        `json:"id"`
	Slug    string      `json:"slug"`
	Text    string      `json:"text"`
	Summary string      `json:"summary"`
	Speaker string      `json:"speaker"`
	Status  ClaimStatus `json:"status"`
	// Score is 1 when the claim's words are the same as the new text's
	// (see SameWords); otherwise the share of the new text's significant
	// words that the claim's words contain, from minSimilarity to 0.99.
	Score float64 `json:"score"`
	// Exact is set when the claim's words are the same as the new text's.
	Exact bool `json:"exact"`
}

// minSimilarity is the least Score that counts as similar.
const minSimilarity = 0.34

// candidateBudget bounds how many claims one similar-claims search ranks,
// so that saving stays fast however many claims share common words.
const candidateBudget = 3000

// SimilarClaims finds logged claims whose words resemble text, a claim's
// words (never its summary, which says the same thing in other words), so
// that an editor does not log the same claim twice. It is the one measure
// of similarity: the desk's claim form and page and the API's answer to a
// new claim all use it. At most limit claims come back: first those whose
// words are the same as text (Score 1, Exact; see SameWords), oldest
// first, then the others best first. The full-text index (FTS5 on SQLite,
// tsvector on Postgres) picks candidates; each is scored by the share of
// text's significant words that its own words contain.
func (s *Store) SimilarClaims(ctx context.Context, text string, exclude uint, limit int) ([]Similar, error) {
	if limit <= 0 {
		return nil, nil
	}
	same, err := s.sameWords(ctx, text, exclude)
	if err != nil {
		return nil, err
	}
	alike, err := s.alikeClaims(ctx, text, exclude)
	if err != nil {
		return nil, err
	}
	out := same
	for _, r := range alike {
		if !slices.ContainsFunc(same, func(x Similar) bool { return x.ID == r.ID }) {
			out = append(out, r)
		}
	}
	// The same words first, the oldest claim of them first; the others
	// stay best first.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Exact != out[j].Exact {
			return out[i].Exact
		}
		return out[i].Exact && out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// alikeClaims returns the claims, other than exclude, whose words hold at
// least minSimilarity of text's significant words, best first, each
// scored at most 0.99 unless its words are the same as text's.
//
// To stay fast on a large archive it first learns, up to a bound, how many
// claims hold each word (see countMatches), then asks the index only for
// the distinctive ones: any of the rarer words, or, when every word is
// common, all of the three rarest together.
func (s *Store) alikeClaims(ctx context.Context, text string, exclude uint) ([]Similar, error) {
	terms := searchTerms(text, 10)
	if len(terms) == 0 {
		return nil, nil
	}
	type term struct {
		word string
		df   int64
	}
	counts, err := s.countMatches(ctx, terms, candidateBudget+1)
	if err != nil {
		return nil, err
	}
	var found []term
	for i, w := range terms {
		if counts[i] > 0 {
			found = append(found, term{w, counts[i]})
		}
	}
	if len(found) == 0 {
		return nil, nil
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].df < found[j].df })
	var any []string
	var total int64
	for _, t := range found {
		if total+t.df > candidateBudget {
			break
		}
		total += t.df
		any = append(any, t.word)
	}
	var rows []Similar
	if len(any) > 0 {
		rows, err = s.rankMatches(ctx, any, false, exclude)
	} else {
		var all []string
		for _, t := range found[:min(3, len(found))] {
			all = append(all, t.word)
		}
		rows, err = s.rankMatches(ctx, all, true, exclude)
	}
	if err != nil {
		return nil, err
	}
	want, key := stems(terms), sameWordsKey(text)
	out := rows[:0]
	for _, r := range rows {
		if sameWordsKey(r.Text) == key {
			r.Score, r.Exact = 1, true
		} else {
			r.Score = min(share(want, stems(searchTerms(r.Text, 200))), 0.99)
		}
		if r.Score >= minSimilarity {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out, nil
}

// countMatches counts, for each of words, the claims whose words hold it
// (as its index word, see indexWord), up to max, in one statement: on
// SQLite as claim_word_counts has them (see addWordCounts); on Postgres
// in the one word index, where the claims whose public text holds a word
// anywhere count.
func (s *Store) countMatches(ctx context.Context, words []string, max int) ([]int64, error) {
	out := make([]int64, len(words))
	var err error
	switch s.dialect {
	case migrations.SQLite:
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = indexWord(w)
		}
		var rows []struct {
			Word   string
			Claims int64
		}
		err = s.read(ctx).Raw(`SELECT word, claims FROM claim_word_counts WHERE word IN ?`, keys).Scan(&rows).Error
		counts := make(map[string]int64, len(rows))
		for _, r := range rows {
			counts[r.Word] = r.Claims
		}
		for i, k := range keys {
			out[i] = min(counts[k], int64(max))
		}
	case migrations.Postgres:
		queries := make([]string, len(words))
		for i, w := range words {
			queries[i] = tsLexeme(indexWord(w))
		}
		var js []byte
		if js, err = json.Marshal(queries); err != nil {
			break
		}
		var rows []struct {
			I int
			N int64
		}
		err = s.read(ctx).Raw(`SELECT q.i, (SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE document @@ CAST(q.q AS tsquery) LIMIT ?) t) AS n
			FROM jsonb_array_elements_text(CAST(? AS jsonb)) WITH ORDINALITY AS q(q, i)`, max, string(js)).Scan(&rows).Error
		for _, r := range rows {
			if r.I >= 1 && r.I <= len(out) {
				out[r.I-1] = r.N
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("count matches: %w", err)
	}
	return out, nil
}

// rankMatches returns up to 25 claims holding any of words (as their index
// words, see indexWord), best ranked first, or, with all, every one of
// them, newest first.
func (s *Store) rankMatches(ctx context.Context, words []string, all bool, exclude uint) ([]Similar, error) {
	var rows []Similar
	var err error
	db := s.read(ctx)
	words = slices.Clone(words)
	for i, w := range words {
		words[i] = indexWord(w)
	}
	switch s.dialect {
	case migrations.SQLite:
		// Ranked, in the word index of every field (bm25 weighs its
		// columns); every word being common, the matches may be many, so
		// the newest, which the index of the claims' words alone reads
		// fastest, without ranking them all.
		table, q, order := "claims_fts", `text : ("`+strings.Join(words, `" OR "`)+`")`, "bm25(claims_fts, 4.0, 4.0, 1.0, 0.5, 0.2)"
		if all {
			table, q, order = "claims_words", `"`+strings.Join(words, `" AND "`)+`"`, "f.rowid DESC"
		}
		err = db.Raw(`SELECT c.id, c.slug, c.text, c.summary, p.name AS speaker, c.status
			FROM `+table+` f JOIN claims c ON c.id = f.rowid JOIN people p ON p.id = c.person_id
			WHERE `+table+` MATCH ? AND c.id <> ? ORDER BY `+order+` LIMIT 25`, q, exclude).Scan(&rows).Error
	case migrations.Postgres:
		order := "ts_rank(cs.document, q) DESC"
		if all {
			order = "c.id DESC"
		}
		q := tsAny(words, "", all)
		err = db.Raw(`SELECT c.id, c.slug, c.text, c.summary, p.name AS speaker, c.status
			FROM claim_search cs JOIN claims c ON c.id = cs.claim_id JOIN people p ON p.id = c.person_id,
			CAST(? AS tsquery) q
			WHERE cs.document @@ q AND c.id <> ?
			ORDER BY `+order+` LIMIT 25`, q, exclude).Scan(&rows).Error
	}
	if err != nil {
		return nil, fmt.Errorf("similar claims: %w", err)
	}
	return rows, nil
}

// searchTerms returns up to max distinct significant words of s as the
// word index holds them (see indexTokens), longest first: of spaced
// scripts, words of three characters or more that are not stop words; of
// unspaced ones, the pairs of characters (or a character standing alone).
// They are
// letters, digits and marks only, so they are safe in any query syntax.
func searchTerms(s string, max int) []string {
	seen := map[string]bool{}
	var terms []string
	for _, t := range indexTokens(s) {
		w := t.text
		if seen[w] || t.single || (!t.unspaced && (utf8.RuneCountInString(w) < 3 || stopWords[w])) {
			continue
		}
		seen[w] = true
		terms = append(terms, w)
	}
	sort.SliceStable(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) })
	if len(terms) > max {
		terms = terms[:max]
	}
	return terms
}

// stems returns the stems of words, as a set.
func stems(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[stem(w)] = true
	}
	return set
}

// share is the share of the stems in want that have holds, from 0 to 1,
// rounded to hundredths.
func share(want, have map[string]bool) float64 {
	if len(want) == 0 {
		return 0
	}
	n := 0
	for t := range want {
		if have[t] {
			n++
		}
	}
	return float64(int(float64(n)/float64(len(want))*100+0.5)) / 100
}

// stem folds simple English endings so "communications" meets "communication".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for are but not you all any can had her was one our out has him his how its may new now old see two way who did get let put say she too use that with have this will your from they know want been good much some time very when come here just like long make many more only over such take than them well were what which their there would about after again could every first into most other should these those while where being because before between does doing during each few further itself just more once same so than then through under until very whom why also said says told`) {
		m[w] = true
	}
	return m
}()
