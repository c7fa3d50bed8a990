package models

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"claimtracker/migrations"
)

// Checked is a published fact-check that a statement repeats: the claim's
// slug, and its published verdict's rating and headline as its public page
// shows them.
type Checked struct {
	ID          uint
	Slug        string
	RatingSlug  string
	RatingLabel string
	Headline    string
	// Score says how closely the words match, from 0 to 1: the lesser of
	// the share of the statement's significant words that the claim holds
	// and the share of the claim's that the statement holds.
	Score float64
}

// minChecked is the least Score at which a statement counts as already
// checked. It is well above minSimilarity (0.34), which only asks an editor
// to look: a match here is offered as the answer to the statement, so each
// of the two must hold at least three quarters of the other's significant
// words. The same words with other small words ("did not have" → "had
// no"), in the plural, or with one word in four changed still match; a
// quotation that shares only a name and a topic with a fact-check ("The
// Russians were in communications with the campaign" against "I did not
// have communications with the Russians" scores 0.67), or that holds a
// short one amid words of its own, does not.
const minChecked = 0.75

// CheckedClaims finds, for each of texts (the statements found in an
// article), the published fact-checks that hold the same statement, best
// first, at most limit each. Only claims published now are matched: never
// drafts, claims in review or sent back, nor retracted ones; and the rating
// and headline are those of the published verdict, not of one proposed
// since.
//
// However many texts there are, it takes one statement (holdingClaims),
// which reads from the full-text index only which claims hold a few of
// each text's longest words, and then scores the published claims that
// hold enough of them as SimilarClaims does, in both directions.
func (s *Store) CheckedClaims(ctx context.Context, texts []string, limit int) ([][]Checked, error) {
	out := make([][]Checked, len(texts))
	if limit <= 0 {
		return out, nil
	}
	var asks []*checkAsk
	byText := map[string]*checkAsk{}
	for _, t := range texts {
		if byText[t] != nil {
			continue
		}
		// searchTerms sorts all of a text's words before it keeps the
		// first max, so its first 10 are the 10 it would give.
		words := searchTerms(t, 200)
		if len(words) == 0 {
			continue
		}
		a := &checkAsk{words: words, terms: words[:min(10, len(words))]}
		a.plan()
		asks, byText[t] = append(asks, a), a
	}
	if err := s.holdingClaims(ctx, asks); err != nil {
		return nil, err
	}
	for _, a := range asks {
		a.score(limit)
	}
	for i, t := range texts {
		if a := byText[t]; a != nil {
			out[i] = a.found
		}
	}
	return out, nil
}

// checkAsk is one distinct text that CheckedClaims matches.
type checkAsk struct {
	// words are its significant words (up to 200), longest first; terms
	// the first 10 of them.
	words []string
	terms []string
	// stems are the words, grouped by stem, that the index is asked which
	// claims hold; need is how many of them a claim must hold.
	stems [][]string
	need  int
	// rows are the claims found, found those that match, best first.
	rows  []checkedRow
	found []Checked
}

// checkedRow is a published claim that holdingClaims found for an ask,
// with its published verdict.
type checkedRow struct {
	Ask         int
	ID          uint
	Slug        string
	Text        string
	Summary     string
	RatingSlug  string
	RatingLabel string
	Headline    string
}

// plan picks which of a's stems the index is asked about, and how many of
// them a claim must hold. A claim that scores minChecked holds all but a
// few of the stems, so of any few more than that it holds some: of the
// longest stems (long words are the rarer, so the index reads less), as
// many as it may miss and three more, it holds at least three (of a text
// of four stems or fewer, the index is asked about all).
func (a *checkAsk) plan() {
	var order []string
	words := map[string][]string{}
	for _, w := range a.terms {
		st := stem(w)
		if words[st] == nil {
			order = append(order, st)
		}
		words[st] = append(words[st], w)
	}
	// Scores are rounded to hundredths, so 0.745 of the stems is enough for 0.75.
	held := int(math.Ceil(minChecked*float64(len(order)) - 0.005))
	a.need = min(3, held)
	for _, st := range order[:len(order)-held+a.need] {
		a.stems = append(a.stems, words[st])
	}
}

// score keeps the claims found for a that match its words well enough,
// best first, at most limit.
func (a *checkAsk) score(limit int) {
	want, have := stems(a.terms), stems(a.words)
	for _, r := range a.rows {
		score := min(share(want, stems(searchTerms(r.Text+" "+r.Summary, 200))),
			share(stems(searchTerms(r.Text, 10)), have))
		if score >= minChecked {
			a.found = append(a.found, Checked{ID: r.ID, Slug: r.Slug, RatingSlug: r.RatingSlug,
				RatingLabel: r.RatingLabel, Headline: r.Headline, Score: score})
		}
	}
	sort.SliceStable(a.found, func(i, j int) bool { return a.found[i].Score > a.found[j].Score })
	if len(a.found) > limit {
		a.found = a.found[:limit]
	}
}

// holdingClaims finds, for each of asks, up to 25 published claims (with
// their published verdicts) whose words or summary hold at least need of
// its stems, those holding most first, into its rows. It is one statement
// of the same text however many asks there are, which the engines prepare
// and plan once: the asks are one JSON value, a row for each stem.
func (s *Store) holdingClaims(ctx context.Context, asks []*checkAsk) error {
	type stemRow struct {
		Ask   int    `json:"a"`
		Query string `json:"q"`
		Need  int    `json:"n"`
	}
	var list []stemRow
	for n, a := range asks {
		for _, st := range a.stems {
			r := stemRow{Ask: n, Need: a.need}
			words := make([]string, len(st))
			for i, w := range st {
				words[i] = indexWord(w)
			}
			switch s.dialect {
			case migrations.SQLite:
				r.Query = `{text summary} : ("` + strings.Join(words, `" OR "`) + `")`
			case migrations.Postgres:
				// Weight A: in the claim's words and summary, as in SQLite,
				// not its speaker, headline or explanation.
				r.Query = tsAny(words, "A", false)
			}
			list = append(list, r)
		}
	}
	if len(list) == 0 {
		return nil
	}
	js, err := json.Marshal(list)
	if err != nil {
		return fmt.Errorf("checked claims: %w", err)
	}
	// Each stem lists a claim once, so a claim's count of rows for an ask
	// is how many of the ask's stems it holds.
	var held string
	switch s.dialect {
	case migrations.SQLite:
		// Materialized, so that the JSON is read once rather than for
		// every claim found.
		held = `WITH q AS MATERIALIZED (SELECT json_extract(value, '$.a') AS a, json_extract(value, '$.q') AS q, json_extract(value, '$.n') AS n FROM json_each(?)),
			h AS (SELECT q.a AS ask, claims_fts.rowid AS id, count(*) AS n FROM q JOIN claims_fts ON claims_fts MATCH q.q
				GROUP BY q.a, claims_fts.rowid HAVING count(*) >= max(q.n))`
	case migrations.Postgres:
		held = `WITH q AS (SELECT a, CAST(q AS tsquery) AS q, n FROM jsonb_to_recordset(CAST(? AS jsonb)) AS r(a int, q text, n int)),
			h AS (SELECT q.a AS ask, cs.claim_id AS id, count(*) AS n FROM q JOIN claim_search cs ON cs.document @@ q.q
				GROUP BY q.a, cs.claim_id HAVING count(*) >= max(q.n))`
	}
	var rows []checkedRow
	err = s.read(ctx).Raw(held+`
		SELECT * FROM (SELECT h.ask, c.id, c.slug, c.text, c.summary, v.rating_slug, v.rating_label, v.headline,
				row_number() OVER (PARTITION BY h.ask ORDER BY h.n DESC, c.id DESC) AS r
			FROM h JOIN claims c ON c.id = h.id JOIN verdicts v ON v.claim_id = c.id AND v.status = ?
			WHERE c.status = ?) m WHERE r <= 25`,
		string(js), VerdictPublished, ClaimPublished).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("checked claims: %w", err)
	}
	for _, r := range rows {
		if r.Ask >= 0 && r.Ask < len(asks) {
			asks[r.Ask].rows = append(asks[r.Ask].rows, r)
		}
	}
	return nil
}
