package models

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
)

// MaxSummary is the longest claim summary: ClaimReview's claimReviewed is
// shown in search results, which cut longer text.
const MaxSummary = 75

// ClaimInput is everything an editor gives to log a claim.
type ClaimInput struct {
	Text    string // the words, verbatim
	Summary string // at most MaxSummary characters
	Speaker string // a person's or organisation's name; found or created
	// SpeakerKind is used when the speaker is new (default person).
	SpeakerKind PersonKind
	SaidAt      string // YYYY-MM-DD, optional
	Setting     string // e.g. "Senate confirmation hearing, under oath"
	// Appearances are the works the claim appeared in; the article the
	// claim is logged from is added to them (see setAppearances).
	Appearances []AppearanceInput
	ArticleID   *uint
	Tags        []string
	// Language is the BCP 47 tag of the claim's language; "" detects it
	// from Text (see DetectLanguage).
	Language string
}

// ClaimPatch changes some fields of a claim; nil fields stay as they are.
type ClaimPatch struct {
	Text, Summary, Speaker *string
	SpeakerKind            *PersonKind
	SaidAt, Setting        *string
	// Appearances replaces the whole list (see setAppearances).
	Appearances *[]AppearanceInput
	Tags        *[]string
	// Language replaces the claim's language tag; "" detects it again
	// from the text. Left nil, a known language stays as it is.
	Language *string
	// Revision is the claim's Revision the editor read; when it is no
	// longer the current one the patch is refused (*StaleError). 0 means
	// not given: the patch applies to whatever is current.
	Revision int
}

// claimView is what the audit log records of a claim.
type claimView struct {
	Text        string           `json:"text"`
	Summary     string           `json:"summary"`
	Speaker     string           `json:"speaker"`
	SaidAt      string           `json:"said_at,omitempty"`
	Setting     string           `json:"setting,omitempty"`
	Appearances []appearanceView `json:"appearances,omitempty"`
	Tags        []string         `json:"tags,omitempty"`
	Language    string           `json:"language,omitempty"`
}

// validate checks and normalises in; it returns the parsed date, which may
// not be after today (see Store.today), the normalised tags and the
// appearances to store.
func (in *ClaimInput) validate(today time.Time) (*time.Time, []string, []Appearance, error) {
	var v Validator
	v.text("text", &in.Text, true, 5000)
	v.text("summary", &in.Summary, true, MaxSummary)
	v.text("speaker", &in.Speaker, true, 200)
	if in.SpeakerKind == "" {
		in.SpeakerKind = KindPerson
	}
	v.Check(in.SpeakerKind == KindPerson || in.SpeakerKind == KindOrganization, "speaker_kind", ReasonPersonOrOrganization)
	said := v.date("said_at", in.SaidAt, today)
	v.text("setting", &in.Setting, false, 300)
	v.language("language", &in.Language)
	in.Language = languageOrDetected(in.Language, in.Text)
	appearances := validateAppearances(&v, in.Appearances, today)
	tags := normalizeTags(in.Tags)
	if len(tags) > 10 {
		v.Fail("tags", ReasonMaxItems(10))
	}
	for _, t := range in.Tags {
		if len([]rune(strings.TrimSpace(t))) > maxTag {
			v.Fail("tags", NewReason("reasons.tags_max_chars", "must each be at most {{.Max}} characters", "Max", maxTag))
		}
	}
	return said, tags, appearances, v.Err()
}

// maxTag is the most characters a tag may have.
const maxTag = 40

// normalizeTags slugs (Slugify) and de-duplicates tags, in order: a tag in
// any script is kept, lower-cased, its words joined by hyphens
// ("Élections" → "elections", "الانتخابات الرئاسية" → "الانتخابات-الرئاسية",
// "疫苗" → "疫苗"). A character takes up to 4 bytes in UTF-8, so the
// slug's limit in bytes cuts no tag of maxTag characters.
func normalizeTags(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range in {
		s := Slugify(t, 4*maxTag)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// TagNames returns a claim's tags as strings.
func (c *Claim) TagNames() []string {
	out := make([]string, 0, len(c.Tags))
	for _, t := range c.Tags {
		out = append(out, t.Tag)
	}
	sort.Strings(out)
	return out
}

// SpeakerName is the claim's speaker, or "" when not loaded.
func (c *Claim) SpeakerName() string {
	if c.Person == nil {
		return ""
	}
	return c.Person.Name
}

func (c *Claim) view() claimView {
	return claimView{Text: c.Text, Summary: c.Summary, Speaker: c.SpeakerName(), SaidAt: FormatDate(c.SaidAt),
		Setting: c.Setting, Appearances: appearanceViews(c.Appearances), Tags: c.TagNames(), Language: c.Language}
}

// CreateClaim logs a draft claim. Editors and above may. The speaker is
// matched by name, whatever its case, or created.
func (s *Store) CreateClaim(ctx context.Context, actor *User, m Meta, in ClaimInput) (*Claim, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("create claim: %w", ErrForbidden)
	}
	today, err := s.today(s.read(ctx))
	if err != nil {
		return nil, err
	}
	said, tags, appearances, err := in.validate(today)
	if err != nil {
		return nil, err
	}
	var out *Claim
	err = s.write(ctx, func(tx *gorm.DB) error {
		article, err := claimArticle(tx, in.ArticleID)
		if err != nil {
			return err
		}
		if in.ArticleID != nil && article == nil {
			return Invalid("article_id", ReasonNotLoggedArticle)
		}
		p, err := s.speaker(tx, actor, m, in.Speaker, in.SpeakerKind)
		if err != nil {
			return err
		}
		var c *Claim
		_, err = insertWithSlug(tx, "claims", Slugify(in.Summary, 80), func(tx *gorm.DB, slug string) error {
			c = &Claim{Slug: slug, Text: in.Text, Summary: in.Summary, Language: in.Language, PersonID: p.ID, Person: p, SaidAt: said,
				Setting: in.Setting, ArticleID: in.ArticleID, Status: ClaimDraft, CreatedBy: &actor.ID}
			if err := tx.Omit(clause.Associations).Create(c).Error; err != nil {
				return fmt.Errorf("insert claim: %w", err)
			}
			return nil
		}, nil)
		if err != nil {
			return err
		}
		if err := setTags(tx, c, tags); err != nil {
			return err
		}
		if err := setAppearances(tx, c, appearances, article); err != nil {
			return err
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		out = c
		return s.audit(tx, m, event{actor: actor, action: "claim.create", objectType: "claim", objectID: c.ID, after: c.view()})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateClaim edits a draft claim and raises its Revision by one. Claims in
// review, published or retracted cannot be edited (ErrConflict): a published
// claim changes only through a new verdict or a public correction. A patch
// made from a revision that is no longer current changes nothing and is a
// *StaleError (checked under the claim's lock, before the fields are).
func (s *Store) UpdateClaim(ctx context.Context, actor *User, m Meta, id uint, p ClaimPatch) (*Claim, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("update claim: %w", ErrForbidden)
	}
	var out *Claim
	err := s.write(ctx, func(tx *gorm.DB) error {
		locked, err := s.lockClaim(tx, id)
		if err != nil {
			return err
		}
		c, err := s.loadClaim(tx, "claims.id = ?", id)
		if err != nil {
			return err
		}
		if c.Status != ClaimDraft {
			return fmt.Errorf("claim %d is %s, only drafts can be edited: %w", id, c.Status, ErrConflict)
		}
		if err := checkRevision(fmt.Sprintf("claim %d", id), p.Revision, locked.Revision); err != nil {
			return err
		}
		before := c.view()
		in := ClaimInput{Text: c.Text, Summary: c.Summary, Speaker: c.SpeakerName(), SpeakerKind: KindPerson,
			SaidAt: FormatDate(c.SaidAt), Setting: c.Setting, Appearances: AppearanceInputs(c.Appearances), ArticleID: c.ArticleID, Tags: c.TagNames(),
			Language: c.Language}
		if c.Person != nil {
			in.SpeakerKind = c.Person.Kind
		}
		apply(&in.Text, p.Text)
		apply(&in.Summary, p.Summary)
		apply(&in.Speaker, p.Speaker)
		apply(&in.SaidAt, p.SaidAt)
		apply(&in.Setting, p.Setting)
		apply(&in.Language, p.Language)
		if p.Appearances != nil {
			in.Appearances = *p.Appearances
		}
		if p.SpeakerKind != nil {
			in.SpeakerKind = *p.SpeakerKind
		}
		if p.Tags != nil {
			in.Tags = *p.Tags
		}
		today, err := s.today(tx)
		if err != nil {
			return err
		}
		said, tags, appearances, err := in.validate(today)
		if err != nil {
			return err
		}
		person, err := s.speaker(tx, actor, m, in.Speaker, in.SpeakerKind)
		if err != nil {
			return err
		}
		c.Text, c.Summary, c.PersonID, c.Person, c.SaidAt = in.Text, in.Summary, person.ID, person, said
		c.Setting, c.Language, c.Revision = in.Setting, in.Language, locked.Revision+1
		if err := tx.Model(c).Select("text", "summary", "language", "person_id", "said_at", "setting", "revision", "updated_at").Updates(c).Error; err != nil {
			return fmt.Errorf("update claim: %w", err)
		}
		if err := setTags(tx, c, tags); err != nil {
			return err
		}
		if p.Appearances != nil {
			article, err := claimArticle(tx, c.ArticleID)
			if err != nil {
				return err
			}
			if err := setAppearances(tx, c, appearances, article); err != nil {
				return err
			}
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return err
		}
		if err := s.newVersionOfOpenVerdict(tx, c.ID, actor, ChangeClaimEdited); err != nil {
			return err
		}
		out = c
		return s.audit(tx, m, event{actor: actor, action: "claim.update", objectType: "claim", objectID: c.ID, before: before, after: c.view()})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func apply(dst *string, src *string) {
	if src != nil {
		*dst = *src
	}
}

// setTags replaces a claim's tags.
func setTags(tx *gorm.DB, c *Claim, tags []string) error {
	if err := tx.Where("claim_id = ?", c.ID).Delete(&ClaimTag{}).Error; err != nil {
		return fmt.Errorf("clear tags: %w", err)
	}
	c.Tags = c.Tags[:0]
	for _, t := range tags {
		c.Tags = append(c.Tags, ClaimTag{ClaimID: c.ID, Tag: t})
	}
	if len(c.Tags) > 0 {
		if err := tx.Create(&c.Tags).Error; err != nil {
			return fmt.Errorf("set tags: %w", err)
		}
	}
	return nil
}

// speaker finds a person by name, whatever its case, or creates one. When
// another transaction creates the same person at the same moment, the one
// it created is found and used.
func (s *Store) speaker(tx *gorm.DB, actor *User, m Meta, name string, kind PersonKind) (*Person, error) {
	for range 3 {
		p, err := personByName(tx, name)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		in := PersonInput{Name: name, Kind: kind}
		if err := in.validate(); err != nil {
			return nil, err
		}
		p, err = s.insertPerson(tx, actor, m, in)
		if errors.Is(err, errNameTaken) {
			continue // committed by another transaction since the lookup: find it
		}
		return p, err
	}
	return nil, fmt.Errorf("speaker %q: created and removed by others while this change ran: %w", name, ErrConflict)
}

// GetClaim returns a claim with its speaker, tags, sources, verdicts (with
// their reviews) and corrections, whatever its status.
func (s *Store) GetClaim(ctx context.Context, id uint) (*Claim, error) {
	return s.loadClaim(s.read(ctx), "claims.id = ?", id)
}

// ClaimBySlug is GetClaim by the claim's slug.
func (s *Store) ClaimBySlug(ctx context.Context, slug string) (*Claim, error) {
	return s.loadClaim(s.read(ctx), "claims.slug = ?", slug)
}

func (s *Store) loadClaim(db *gorm.DB, where string, args ...any) (*Claim, error) {
	var c Claim
	err := db.Preload("Person").Preload("Tags", func(db *gorm.DB) *gorm.DB { return db.Order("tag") }).
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("published_at IS NULL, published_at, id") }).
		Preload("Sources.ArchiveSnapshot", func(db *gorm.DB) *gorm.DB { return db.Select(snapshotColumns) }).
		Preload("Sources.Files", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Verdicts", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Verdicts.Reviews", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Verdicts.Versions", func(db *gorm.DB) *gorm.DB { return db.Order("version") }).
		Preload("Corrections", func(db *gorm.DB) *gorm.DB { return db.Order("created_at, id") }).
		Preload("Appearances", func(db *gorm.DB) *gorm.DB { return db.Order(appearanceOrder) }).
		Where(where, args...).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("claim: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load claim: %w", err)
	}
	if v := c.OpenVerdict(); v != nil && v.Status == VerdictChangesRequested {
		c.SentBack = true
	}
	return &c, nil
}

// lockClaim reads a claim's row for a change, holding it on Postgres until
// the transaction ends (SQLite's single writer already serialises).
func (s *Store) lockClaim(tx *gorm.DB, id uint) (*Claim, error) {
	return lockRow[Claim](s, tx, "claim", id)
}

// lockWithClaim locks row id of T (a claim's verdict, source or update)
// for a change, and its claim, the claim first: every change that touches
// both takes them in that order, so two of them never wait for each other.
// Both are read under their locks.
func lockWithClaim[T any](s *Store, tx *gorm.DB, what string, id uint) (*T, *Claim, error) {
	var claimIDs []uint
	if err := tx.Model(new(T)).Where("id = ?", id).Pluck("claim_id", &claimIDs).Error; err != nil {
		return nil, nil, fmt.Errorf("find %s %d: %w", what, id, err)
	}
	if len(claimIDs) == 0 {
		return nil, nil, fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	c, err := s.lockClaim(tx, claimIDs[0])
	if err != nil {
		return nil, nil, err
	}
	row, err := lockRow[T](s, tx, what, id)
	if err != nil {
		return nil, nil, err
	}
	return row, c, nil
}

// lockRow reads one row by id for a change, holding it on Postgres until
// the transaction ends.
func lockRow[T any](s *Store, tx *gorm.DB, what string, id uint) (*T, error) {
	return lockRowAs[T](s, tx, what, id, "UPDATE")
}

// lockRowAs is lockRow with a Postgres lock strength: "UPDATE", or "NO KEY
// UPDATE" for a change that keeps the row's key, which rows pointing to it
// may then still reference meanwhile (their foreign-key checks take KEY
// SHARE, which NO KEY UPDATE does not block).
func lockRowAs[T any](s *Store, tx *gorm.DB, what string, id uint, strength string) (*T, error) {
	q := tx
	if s.dialect == migrations.Postgres {
		q = q.Clauses(clause.Locking{Strength: strength})
	}
	var row T
	err := q.Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", what, err)
	}
	return &row, nil
}

// CurrentVerdict is the claim's published verdict, or nil.
func (c *Claim) CurrentVerdict() *Verdict {
	for i := len(c.Verdicts) - 1; i >= 0; i-- {
		if c.Verdicts[i].Status == VerdictPublished {
			return &c.Verdicts[i]
		}
	}
	return nil
}

// OpenVerdict is the claim's verdict in review or sent back, or nil.
func (c *Claim) OpenVerdict() *Verdict {
	for i := len(c.Verdicts) - 1; i >= 0; i-- {
		if st := c.Verdicts[i].Status; st == VerdictInReview || st == VerdictChangesRequested {
			return &c.Verdicts[i]
		}
	}
	return nil
}

// ClaimFilter selects claims for desk lists; zero fields match everything.
type ClaimFilter struct {
	// Status keeps the claims with this status. ClaimSentBack keeps the
	// drafts whose verdict a reviewer sent back; with DeskStatus set,
	// ClaimDraft keeps the other drafts, as the desk shows them.
	Status ClaimStatus
	// DeskStatus filters by Claim.DeskStatus rather than the stored status.
	DeskStatus bool
	CreatedBy  uint
	// Language keeps the claims in this canonical language range (as
	// PublicQuery.Language).
	Language string
	Limit    int
	Offset   int
}

// ListClaims returns claims with their speakers and appearances, most
// recently changed first, with SentBack set.
func (s *Store) ListClaims(ctx context.Context, f ClaimFilter) ([]Claim, error) {
	db := s.read(ctx).Preload("Person").Preload("Appearances", func(db *gorm.DB) *gorm.DB { return db.Order(appearanceOrder) })
	switch {
	case f.Status == ClaimSentBack:
		db = db.Where("status = ?", ClaimDraft).Where(sentBack)
	case f.Status == ClaimDraft && f.DeskStatus:
		db = db.Where("status = ?", ClaimDraft).Where(notSentBack)
	case f.Status != "":
		db = db.Where("status = ?", f.Status)
	}
	if f.CreatedBy != 0 {
		db = db.Where("created_by = ?", f.CreatedBy)
	}
	if f.Language != "" {
		cond, args := languageCondition("language", f.Language)
		db = db.Where(cond, args...)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	var out []Claim
	if err := db.Order("updated_at DESC, id DESC").Limit(f.Limit).Offset(f.Offset).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	return out, markSentBack(s.read(ctx), out)
}
