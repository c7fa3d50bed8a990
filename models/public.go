package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// publicStatuses are the claim statuses the public may see.
var publicStatuses = []ClaimStatus{ClaimPublished, ClaimRetracted}

// IsPublic reports whether the public may see a claim in this status.
func (st ClaimStatus) IsPublic() bool { return st == ClaimPublished || st == ClaimRetracted }

// PublicItem is one published fact-check in a list: the claim, its speaker
// and its current verdict.
type PublicItem struct {
	ID            uint
	Slug          string
	Text          string
	Summary       string
	Status        ClaimStatus
	SaidAt        *time.Time
	Setting       string
	PublishedAt   *time.Time
	UpdatedAt     time.Time
	PersonName    string
	PersonSlug    string
	PersonKind    PersonKind
	RatingSlug    string
	RatingLabel   string
	Headline      string
	AppearanceURL string
	// CorrectedAt is the time of the latest correction, if any.
	CorrectedAt *time.Time
	// Snippet is set by Search: the best-matching passage, with the matched
	// words between HighlightStart and HighlightEnd.
	Snippet string
}

// Markers around matched words in search results, which views turn into
// <mark> after escaping the rest. They are control characters, which the
// input policy refuses, and Search removes any that stored text holds
// before it marks the matches, so a snippet holds them only where a
// searched word matched.
const (
	HighlightStart = "\x02"
	HighlightEnd   = "\x03"
)

// PublicQuery filters the public list; zero fields match everything.
type PublicQuery struct {
	Rating  string // rating slug
	Person  string // person slug
	Tag     string
	Page    int // from 1
	PerPage int
}

const publicSelect = `c.id, c.slug, c.text, c.summary, c.status, c.said_at, c.setting, c.published_at, c.updated_at, c.appearance_url,
	(SELECT k.created_at FROM corrections k WHERE k.claim_id = c.id ORDER BY k.created_at DESC LIMIT 1) AS corrected_at,
	p.name AS person_name, p.slug AS person_slug, p.kind AS person_kind,
	v.rating_slug, v.rating_label, v.headline`

// publicBase joins each public claim to its speaker and published verdict,
// reading the claims newest first from the partial index idx_claims_public.
// SQLite is told so (INDEXED BY): with sampled statistics (PRAGMA
// analysis_limit) its planner can take the status index for the cheaper
// path, and then reads every public claim and sorts them, once per batch
// of EachPublic.
func (s *Store) publicBase(db *gorm.DB) *gorm.DB {
	claims := "claims c"
	if s.dialect == migrations.SQLite {
		claims = "claims c INDEXED BY idx_claims_public"
	}
	return db.Table(claims).
		Joins("JOIN people p ON p.id = c.person_id").
		Joins("JOIN verdicts v ON v.claim_id = c.id AND v.status = ?", VerdictPublished).
		// Written out, not bound, so the planner sees it matches the
		// partial index idx_claims_public.
		Where("c.status IN ('published', 'retracted')")
}

// PublicClaims lists published and retracted fact-checks, newest first, and
// reports whether another page follows. Each filter walks an index that
// holds the public claims it matches in list order (see migration 00013),
// so a page costs its offset plus its length, however large the archive.
func (s *Store) PublicClaims(ctx context.Context, q PublicQuery) ([]PublicItem, bool, error) {
	if q.PerPage <= 0 || q.PerPage > 100 {
		q.PerPage = 20
	}
	if q.Page < 1 {
		q.Page = 1
	}
	// First the page of ids, walking the index of public claims newest
	// first (of those with the tag, the rating or the speaker); then their
	// rows by primary key. The status condition is written out, not bound,
	// so the planner sees it matches the partial indexes.
	db := s.read(ctx)
	var ids *gorm.DB
	if q.Tag != "" {
		ids = db.Table("claim_tags t").Joins("JOIN claims c ON c.id = t.claim_id").
			Where("t.tag = ? AND t.published_at IS NOT NULL", q.Tag).
			Order("t.published_at DESC, t.claim_id DESC")
	} else {
		ids = db.Table("claims c").Order("c.published_at DESC, c.id DESC")
	}
	ids = ids.Where("c.status IN ('published', 'retracted')")
	if q.Rating != "" {
		ids = ids.Where("c.rating_slug = ?", q.Rating)
	}
	if q.Person != "" {
		ids = ids.Where("c.person_id = (SELECT p.id FROM people p WHERE p.slug = ?)", q.Person)
	}
	var page []uint
	err := ids.Limit(q.PerPage+1).Offset((q.Page-1)*q.PerPage).Pluck("c.id", &page).Error
	if err != nil {
		return nil, false, fmt.Errorf("public claims: %w", err)
	}
	more := len(page) > q.PerPage
	if more {
		page = page[:q.PerPage]
	}
	out, err := s.publicItems(db, page)
	return out, more, err
}

// publicItems loads the list rows of public claims by id, in the order given.
func (s *Store) publicItems(db *gorm.DB, ids []uint) ([]PublicItem, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []PublicItem
	// The ids are public already; looking them up by primary key only keeps
	// the planner from walking a status index instead.
	err := db.Table("claims c").Joins("JOIN people p ON p.id = c.person_id").
		Joins("JOIN verdicts v ON v.claim_id = c.id AND v.status = ?", VerdictPublished).
		Select(publicSelect).Where("c.id IN ?", ids).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("public rows: %w", err)
	}
	byID := make(map[uint]PublicItem, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	out := make([]PublicItem, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// PublicClaim returns a published or retracted claim with everything its
// page shows. Drafts and claims in review are ErrNotFound.
func (s *Store) PublicClaim(ctx context.Context, slug string) (*Claim, error) {
	c, err := s.loadClaim(s.read(ctx), "claims.slug = ? AND claims.status IN ?", slug, publicStatuses)
	if err != nil {
		return nil, err
	}
	return c, nil
}

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

// Search finds published fact-checks whose words, summary, speaker,
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
		order := "bm25(claims_fts, 4.0, 3.0, 2.0, 2.0, 1.0), c.id DESC"
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
	var snippets []struct {
		ID      uint
		Snippet string
	}
	// The engine marks matches with words drawn at random for this search,
	// which no stored text can hold; they become HighlightStart and
	// HighlightEnd once any of those the text held are gone.
	start, end := snippetMarkers()
	switch s.dialect {
	case migrations.SQLite:
		err = db.Raw(`SELECT rowid AS id, snippet(claims_fts, -1, ?, ?, '…', 24) AS snippet FROM claims_fts
			WHERE claims_fts MATCH ? AND rowid IN ?`,
			start, end, `"`+strings.Join(terms, `" AND "`)+`"`, ids).Scan(&snippets).Error
	case migrations.Postgres:
		err = db.Raw(`SELECT c.id, ts_headline('english', c.text || ' ' || v.headline, to_tsquery('english', ?),
			'StartSel='||?||', StopSel='||?||', MaxWords=30, MinWords=12') AS snippet
			FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.status = ? WHERE c.id IN ?`,
			strings.Join(terms, " & "), start, end, VerdictPublished, ids).Scan(&snippets).Error
	}
	if err != nil {
		return nil, false, fmt.Errorf("search snippets: %w", err)
	}
	marks := strings.NewReplacer(HighlightStart, "", HighlightEnd, "", start, HighlightStart, end, HighlightEnd)
	snip := make(map[uint]string, len(snippets))
	for _, sn := range snippets {
		snip[sn.ID] = marks.Replace(sn.Snippet)
	}
	for i := range out {
		out[i].Snippet = snip[out[i].ID]
	}
	return out, more, nil
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

// RatingCount is how many of a speaker's published claims got one rating.
type RatingCount struct {
	RatingSlug  string
	RatingLabel string
	Position    int
	Count       int
}

// Scorecard counts a speaker's published fact-checks per rating, in the
// scale's order; ratings with no claims are included with 0. Retracted
// claims are not counted. It reads the speaker's public claims only.
func (s *Store) Scorecard(ctx context.Context, personID uint) ([]RatingCount, error) {
	var out []RatingCount
	err := s.read(ctx).Raw(`SELECT r.slug AS rating_slug, r.label AS rating_label, r.position, COALESCE(n.count, 0) AS count
		FROM ratings r LEFT JOIN (
			SELECT c.rating_slug, count(*) AS count FROM claims c
			WHERE c.person_id = ? AND c.status IN ('published', 'retracted') AND c.status = ?
			GROUP BY c.rating_slug) n ON n.rating_slug = r.slug
		ORDER BY r.position, r.id`, personID, ClaimPublished).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("scorecard: %w", err)
	}
	return out, nil
}

// PublicCorrection is a correction with its claim, for the corrections feed.
type PublicCorrection struct {
	Correction
	ClaimSlug    string
	ClaimSummary string
}

// LatestCorrections lists corrections of public claims, newest first.
func (s *Store) LatestCorrections(ctx context.Context, limit int) ([]PublicCorrection, error) {
	var out []PublicCorrection
	err := s.read(ctx).Table("corrections k").
		Select("k.*, c.slug AS claim_slug, c.summary AS claim_summary").
		Joins("JOIN claims c ON c.id = k.claim_id").
		Where("c.status IN ?", publicStatuses).
		Order("k.created_at DESC, k.id DESC").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("latest corrections: %w", err)
	}
	return out, nil
}

// EachPublic calls fn for every public fact-check, newest first, reading
// in pages so that memory stays flat however many there are.
func (s *Store) EachPublic(ctx context.Context, fn func(PublicItem) error) error {
	const batch = 1000
	var lastPub time.Time
	var lastID uint
	first := true
	for {
		db := s.publicBase(s.read(ctx)).Select(publicSelect)
		if !first {
			// A row comparison, which both engines answer by walking the
			// index of public claims on from the last row read: the page
			// costs its length, not the rows before it.
			db = db.Where("(c.published_at, c.id) < (?, ?)", lastPub, lastID)
		}
		var rows []PublicItem
		if err := db.Order("c.published_at DESC, c.id DESC").Limit(batch).Scan(&rows).Error; err != nil {
			return fmt.Errorf("each public: %w", err)
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rows) < batch {
			return nil
		}
		last := rows[len(rows)-1]
		if last.PublishedAt == nil {
			return nil
		}
		lastPub, lastID, first = *last.PublishedAt, last.ID, false
	}
}

// PublicPerson is a speaker with at least one public fact-check.
type PublicPerson struct {
	Person
	Claims int
}

// PublicPeople lists the speakers who have public fact-checks, by name,
// with how many each has; the speakers of drafts stay private. The count is
// people.public_claims, which the database keeps in step with every change
// of a claim's status or speaker (migration 00013), so the list is one walk
// of an index of the speakers that have any.
func (s *Store) PublicPeople(ctx context.Context) ([]PublicPerson, error) {
	var out []PublicPerson
	err := s.read(ctx).Table("people p").
		Select("p.*, p.public_claims AS claims").
		Where("p.public_claims > 0").
		Order("p.name, p.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("public people: %w", err)
	}
	return out, nil
}

// PublicPersonBySlug returns a speaker who has public fact-checks; others
// are ErrNotFound.
func (s *Store) PublicPersonBySlug(ctx context.Context, slug string) (*Person, error) {
	var p Person
	err := s.read(ctx).Where("slug = ? AND public_claims > 0", slug).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("person %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	return &p, nil
}

// CountPublic counts the public fact-checks.
func (s *Store) CountPublic(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&Claim{}).Where("status IN ?", publicStatuses).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count public: %w", err)
	}
	return n, nil
}
