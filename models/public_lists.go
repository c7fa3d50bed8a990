package models

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// Public lists: the fact-checks the public sees, a page at a time, and
// every one of them for feeds and exports.

// publicStatuses are the claim statuses the public may see.
var publicStatuses = []ClaimStatus{ClaimPublished, ClaimRetracted}

// IsPublic reports whether the public may see a claim in this status.
func (st ClaimStatus) IsPublic() bool { return st == ClaimPublished || st == ClaimRetracted }

// RatingStands reports whether a claim in this status carries its rating
// as the current one. Only a published claim does: a retracted claim's
// rating is withdrawn with it, so pages show it only as what it was, lists
// and feeds say "Retracted" alone, and no ClaimReview is given for it:
// Google's fact-check guidelines allow no mismatch between the markup and
// the page, and the page of a retracted claim gives no rating.
func (st ClaimStatus) RatingStands() bool { return st == ClaimPublished }

// PublicItem is one published fact-check in a list: the claim, its speaker
// and its current verdict.
type PublicItem struct {
	ID      uint
	Slug    string
	Text    string
	Summary string
	// Language is the claim's BCP 47 language tag, VerdictLanguage that
	// of its published verdict; "" when not known.
	Language        string
	VerdictLanguage string
	Status          ClaimStatus
	SaidAt          *time.Time
	Setting         string
	PublishedAt     *time.Time
	UpdatedAt       time.Time
	PersonName      string
	PersonSlug      string
	PersonKind      PersonKind
	RatingSlug      string
	RatingLabel     string
	Headline        string
	// Appearances are the claim's, in order (see SortAppearances); only
	// EachPublic, whose items become ClaimReviews, loads them.
	Appearances []Appearance `gorm:"-"`
	// CorrectedAt is the time of the latest correction, if any.
	CorrectedAt *time.Time
	// Snippet is set by Search: the best-matching passage, with the matched
	// words between HighlightStart and HighlightEnd.
	Snippet string
}

// PublicQuery filters the public list; zero fields match everything.
type PublicQuery struct {
	Rating string // rating slug
	Person string // person slug
	Tag    string
	// Language is a canonical BCP 47 language range (see CanonicalLanguage;
	// matched by RFC 4647 basic filtering): "ar" lists the claims in ar,
	// ar-EG, ar-001…
	Language string
	Page     int // from 1
	PerPage  int
}

// Filtered reports whether q filters the list at all.
func (q PublicQuery) Filtered() bool {
	return q.Rating != "" || q.Person != "" || q.Tag != "" || q.Language != ""
}

const publicSelect = `c.id, c.slug, c.text, c.summary, c.language, v.language AS verdict_language, c.status, c.said_at, c.setting, c.published_at, c.updated_at,
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
// reports whether another page follows. A rating filter lists published
// ones only: a retracted fact-check's rating no longer stands. Each filter walks an index that
// holds the public claims it matches in list order (see migration 00013),
// so a page costs its offset plus its length, however large the archive.
func (s *Store) PublicClaims(ctx context.Context, q PublicQuery) ([]PublicItem, bool, error) {
	if q.PerPage <= 0 || q.PerPage > 100 {
		q.PerPage = 20
	}
	if q.Page < 1 {
		q.Page = 1
	}
	db := s.read(ctx)
	ids := s.publicIDs(db, q)
	var page []uint
	err := ids.Pluck("c.id", &page).Error
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

// publicIDs is the query of the ids of the page q asks for (and one more,
// to tell whether another page follows), newest first: it walks the
// index of public claims (of those with the tag, the rating, the speaker
// or the language) newest first; PublicClaims then reads their rows by
// primary key. The status condition is written out, not bound, so the
// planner sees it matches the partial indexes.
func (s *Store) publicIDs(db *gorm.DB, q PublicQuery) *gorm.DB {
	var ids *gorm.DB
	if q.Tag != "" {
		ids = db.Table("claim_tags t").Joins("JOIN claims c ON c.id = t.claim_id").
			Where("t.tag = ? AND t.published_at IS NOT NULL", q.Tag).
			Order("t.published_at DESC, t.claim_id DESC")
	} else {
		ids = db.Table(s.publicClaimsIndexed(q)).Order("c.published_at DESC, c.id DESC")
	}
	ids = ids.Where("c.status IN ('published', 'retracted')")
	if q.Rating != "" {
		ids = ids.Where("c.rating_slug = ? AND c.status = 'published'", q.Rating)
	}
	if q.Person != "" {
		ids = ids.Where("c.person_id = (SELECT p.id FROM people p WHERE p.slug = ?)", q.Person)
	}
	if q.Language != "" {
		cond, args := publicLanguageCondition(s.dialect, "c.language", q.Language)
		ids = ids.Where(cond, args...)
	}
	return ids.Limit(q.PerPage + 1).Offset((q.Page - 1) * q.PerPage)
}

// publicClaimsIndexed is the claims table, as c, for the public list q
// asks for without a tag: on SQLite told to walk the index that holds the
// claims of q's filter (the speaker's, the rating's, the language's, or
// all public ones) in list order. Its planner otherwise takes the index
// of claims by status and date, whose two public statuses it cannot read
// as one order: it read and sorted every public claim for the first
// page, or walked every published claim in search of a rare rating.
func (s *Store) publicClaimsIndexed(q PublicQuery) string {
	if s.dialect != migrations.SQLite {
		return "claims c"
	}
	switch {
	case q.Person != "":
		return "claims c INDEXED BY idx_claims_public_person"
	case q.Rating != "":
		return "claims c INDEXED BY idx_claims_public_rating"
	case q.Language != "":
		return "claims c INDEXED BY idx_claims_public_primary_language"
	}
	return "claims c INDEXED BY idx_claims_public"
}

// publicItems loads the list rows of public claims by id, in the order given.
func (s *Store) publicItems(db *gorm.DB, ids []uint) ([]PublicItem, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []PublicItem
	// The ids are public already; looking them up by primary key only keeps
	// the planner from walking a status index instead. SQLite is told to
	// find each claim's verdict by the claim (INDEXED BY): with statistics
	// that call nearly every verdict published, its planner walked every
	// published verdict and looked their claims up among the ids, 15 ms
	// for a page of 20 with 20,000 claims.
	verdicts := "verdicts v"
	if s.dialect == migrations.SQLite {
		verdicts = "verdicts v INDEXED BY idx_verdicts_claim_id"
	}
	err := db.Table("claims c").Joins("JOIN people p ON p.id = c.person_id").
		Joins("JOIN "+verdicts+" ON v.claim_id = c.id AND v.status = ?", VerdictPublished).
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

// EachPublic calls fn for every public fact-check, with its appearances,
// newest first, reading in pages so that memory stays flat however many
// there are.
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
		if err := s.publicAppearances(ctx, rows); err != nil {
			return err
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

// publicAppearances loads the appearances of items, in one query.
func (s *Store) publicAppearances(ctx context.Context, items []PublicItem) error {
	if len(items) == 0 {
		return nil
	}
	ids := make([]uint, len(items))
	at := make(map[uint]int, len(items))
	for i, it := range items {
		ids[i], at[it.ID] = it.ID, i
	}
	var list []Appearance
	if err := s.read(ctx).Where("claim_id IN ?", ids).Order("claim_id, " + appearanceOrder).Find(&list).Error; err != nil {
		return fmt.Errorf("public appearances: %w", err)
	}
	for _, a := range list {
		it := &items[at[a.ClaimID]]
		it.Appearances = append(it.Appearances, a)
	}
	return nil
}

// PublicLanguages lists the primary language subtags (see PrimaryLanguage)
// of the public fact-checks' claims, sorted, each once; claims whose
// language is not known count for none. The home page offers them as a
// filter.
func (s *Store) PublicLanguages(ctx context.Context) ([]string, error) {
	// The primary subtags as the index of migration 00028 holds them, so
	// that the answer is read from the index alone.
	primary := primaryLanguageSQL(s.dialect, "c.language")
	var out []string
	err := s.read(ctx).Raw(`SELECT DISTINCT ` + primary + ` FROM claims c
		WHERE c.status IN ('published', 'retracted') AND ` + primary + ` <> ''`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("public languages: %w", err)
	}
	slices.Sort(out)
	return out, nil
}
