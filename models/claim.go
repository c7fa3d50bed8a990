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
	// AssigneeID is the colleague the claim is assigned to, 0 for
	// nobody; DueOn the day it is due (YYYY-MM-DD, optional); Priority
	// how urgent it is ("" is PriorityNormal). See triageInput.validate.
	AssigneeID uint
	DueOn      string
	Priority   Priority
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
	// AssigneeID replaces the assignee: a user id, or 0 for nobody. DueOn
	// replaces the due day ("" for none); Priority the priority. These
	// three may change in any status: they are the desk's, not the
	// fact-check's.
	AssigneeID *uint
	DueOn      *string
	Priority   *Priority
	// Status, when set, moves the claim to that stage: only
	// ClaimResearching, from a draft (another value is a ValidationError;
	// a claim past review is an ErrConflict).
	Status *ClaimStatus
	// Revision is the claim's Revision the editor read; when it is no
	// longer the current one the patch is refused (*StaleError). 0 means
	// not given: the patch applies to whatever is current.
	Revision int
}

// contentChanged reports whether p changes the claim's own words or
// evidence, not only its triage or stage.
func (p ClaimPatch) contentChanged() bool {
	return p.Text != nil || p.Summary != nil || p.Speaker != nil || p.SpeakerKind != nil || p.SaidAt != nil ||
		p.Setting != nil || p.Appearances != nil || p.Tags != nil || p.Language != nil
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
	triageView
}

// triageView is what the audit log records of a claim's triage: the
// assignee by id and by name as it was then.
type triageView struct {
	AssigneeID *uint    `json:"assignee_id,omitempty"`
	Assignee   string   `json:"assignee,omitempty"`
	DueOn      string   `json:"due_on,omitempty"`
	Priority   Priority `json:"priority,omitempty"`
}

// same reports whether t and o record the same triage.
func (t triageView) same(o triageView) bool {
	return equalID(t.AssigneeID, o.AssigneeID) && t.DueOn == o.DueOn && t.Priority == o.Priority
}

// equalID reports whether two optional ids are both nil or the same.
func equalID(a, b *uint) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// triageView is c's triage as the audit log records it; c.Assignee must
// be loaded when c has one.
func (c *Claim) triageView() triageView {
	tv := triageView{AssigneeID: c.AssigneeID, DueOn: FormatDate(c.DueOn), Priority: c.Priority}
	if c.Assignee != nil {
		tv.Assignee = c.Assignee.Name
	}
	return tv
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
	if len(tags) > maxTags {
		v.Fail("tags", ReasonMaxItems(maxTags))
	}
	for _, t := range in.Tags {
		if len([]rune(strings.TrimSpace(t))) > maxTag {
			v.Fail("tags", NewReason("reasons.tags_max_chars", "must each be at most {{.Max}} characters", "Max", maxTag))
		}
	}
	return said, tags, appearances, v.Err()
}

// maxTag is the most characters a tag may have; maxTags the most tags a
// claim may have.
const (
	maxTag  = 40
	maxTags = 10
)

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

// NormalizeTag is the tag s as a claim stores it (see normalizeTags),
// "" when it holds no letter or digit.
func NormalizeTag(s string) string {
	if t := normalizeTags([]string{s}); len(t) > 0 {
		return t[0]
	}
	return ""
}

// MaxTag is the most characters a tag may have.
const MaxTag = maxTag

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
		Setting: c.Setting, Appearances: appearanceViews(c.Appearances), Tags: c.TagNames(), Language: c.Language,
		triageView: c.triageView()}
}

// CreateClaim logs a draft claim, with its triage. Editors and above may.
// The speaker is matched by name, whatever its case, or created. A claim
// logged with an assignee records an EventAssigned.
func (s *Store) CreateClaim(ctx context.Context, actor *User, m Meta, in ClaimInput) (*Claim, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("create claim: %w", ErrForbidden)
	}
	today, err := s.today(s.read(ctx))
	if err != nil {
		return nil, err
	}
	var v Validator
	said, tags, appearances, err := in.validate(today)
	if err := v.absorb(err); err != nil {
		return nil, err
	}
	var out *Claim
	err = s.write(ctx, func(tx *gorm.DB) error {
		triage := triageInput{AssigneeID: in.AssigneeID, DueOn: in.DueOn, Priority: in.Priority}
		assignee, due, err := triage.validate(tx, &v, nil)
		if err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
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
				Setting: in.Setting, ArticleID: in.ArticleID, Status: ClaimDraft, CreatedBy: &actor.ID,
				Assignee: assignee, DueOn: due, Priority: triage.Priority}
			if assignee != nil {
				c.AssigneeID = &assignee.ID
			}
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
		if assignee != nil {
			if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventAssigned, UserID: c.AssigneeID}); err != nil {
				return err
			}
		}
		out = c
		return s.audit(tx, m, event{actor: actor, action: "claim.create", objectType: "claim", objectID: c.ID, after: c.view()})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateClaim changes the fields p sets and raises the claim's Revision by
// one. The claim's own words and evidence change only before review (a
// draft, or being researched): a claim in review, published or retracted
// is ErrConflict, for a published claim changes only through a new
// verdict or a public correction. Its triage (assignee, due day,
// priority) changes in any status and touches nothing public. p.Status
// moves a draft to ClaimResearching. A patch made from a revision that is
// no longer current changes nothing and is a *StaleError (checked under
// the claim's lock, before the fields are). A new assignee records an
// EventAssigned.
//
// The audit log gets "claim.update" for a change of the claim's words or
// evidence (with its triage, when that changed too), "claim.triage" for
// a change of its triage alone, and "claim.research" when it moves to
// researching.
func (s *Store) UpdateClaim(ctx context.Context, actor *User, m Meta, id uint, p ClaimPatch) (*Claim, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("update claim: %w", ErrForbidden)
	}
	var out *Claim
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		out, err = s.updateClaim(tx, actor, m, id, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// updateClaim is UpdateClaim inside the transaction tx, for an actor who
// may (an editor or above): every change of a claim's fields, alone or
// one of many (see BulkAssign), takes this one path.
func (s *Store) updateClaim(tx *gorm.DB, actor *User, m Meta, id uint, p ClaimPatch) (*Claim, error) {
	triageSent := p.AssigneeID != nil || p.DueOn != nil || p.Priority != nil
	// A patch that sets nothing is an edit of the words as they are.
	content := p.contentChanged() || (!triageSent && p.Status == nil)
	locked, err := s.lockClaim(tx, id)
	if err != nil {
		return nil, err
	}
	c, err := s.loadClaim(tx, "claims.id = ?", id)
	if err != nil {
		return nil, err
	}
	if content && !c.Status.BeforeReview() {
		return nil, fmt.Errorf("claim %d is %s, only claims not yet sent to review can be edited: %w", id, c.Status, ErrConflict)
	}
	var v Validator
	if p.Status != nil {
		if *p.Status != ClaimResearching {
			v.Fail("status", NewReason("reasons.status_researching", "must be researching: a claim goes to review with a verdict"))
		} else if !c.Status.BeforeReview() {
			return nil, fmt.Errorf("claim %d is %s, only a draft starts research: %w", id, c.Status, ErrConflict)
		}
	}
	if err := checkRevision(fmt.Sprintf("claim %d", id), p.Revision, locked.Revision); err != nil {
		return nil, err
	}
	before := c.view()
	in := ClaimInput{Text: c.Text, Summary: c.Summary, Speaker: c.SpeakerName(), SpeakerKind: KindPerson,
		SaidAt: FormatDate(c.SaidAt), Setting: c.Setting, Appearances: AppearanceInputs(c.Appearances), ArticleID: c.ArticleID, Tags: c.TagNames(),
		Language: c.Language}
	var said *time.Time
	var tags []string
	var appearances []Appearance
	if content {
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
			return nil, err
		}
		var verr error
		said, tags, appearances, verr = in.validate(today)
		if err := v.absorb(verr); err != nil {
			return nil, err
		}
	}
	triage := triageInput{DueOn: FormatDate(c.DueOn), Priority: c.Priority}
	if c.AssigneeID != nil {
		triage.AssigneeID = *c.AssigneeID
	}
	if p.AssigneeID != nil {
		triage.AssigneeID = *p.AssigneeID
	}
	apply(&triage.DueOn, p.DueOn)
	if p.Priority != nil {
		triage.Priority = *p.Priority
	}
	assignee, due, err := triage.validate(tx, &v, c.AssigneeID)
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	oldAssignee := c.AssigneeID
	c.Assignee, c.AssigneeID, c.DueOn, c.Priority = assignee, nil, due, triage.Priority
	if assignee != nil {
		c.AssigneeID = &assignee.ID
	}
	startResearch := p.Status != nil && c.Status == ClaimDraft
	if !content && !startResearch && c.triageView().same(before.triageView) {
		return c, nil // nothing changes
	}
	c.Revision = locked.Revision + 1
	columns := []string{"assignee_id", "due_on", "priority", "revision"}
	if content || !c.Status.IsPublic() {
		// A public claim's updated_at is the date its page shows.
		c.UpdatedAt = s.now()
		columns = append(columns, "updated_at")
	}
	if content {
		person, err := s.speaker(tx, actor, m, in.Speaker, in.SpeakerKind)
		if err != nil {
			return nil, err
		}
		c.Text, c.Summary, c.PersonID, c.Person, c.SaidAt = in.Text, in.Summary, person.ID, person, said
		c.Setting, c.Language = in.Setting, in.Language
		columns = append(columns, "text", "summary", "language", "person_id", "said_at", "setting")
	}
	if startResearch {
		c.Status = ClaimResearching
		columns = append(columns, "status")
	}
	// UpdateColumns: updated_at changes only when listed.
	if err := tx.Model(c).Select(columns).UpdateColumns(c).Error; err != nil {
		return nil, fmt.Errorf("update claim: %w", err)
	}
	if content {
		if err := setTags(tx, c, tags); err != nil {
			return nil, err
		}
		if p.Appearances != nil {
			article, err := claimArticle(tx, c.ArticleID)
			if err != nil {
				return nil, err
			}
			if err := setAppearances(tx, c, appearances, article); err != nil {
				return nil, err
			}
		}
		if err := s.reindexClaim(tx, c.ID); err != nil {
			return nil, err
		}
		if err := s.newVersionOfOpenVerdict(tx, c.ID, actor, ChangeClaimEdited); err != nil {
			return nil, err
		}
	}
	if c.AssigneeID != nil && !equalID(oldAssignee, c.AssigneeID) {
		if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: c.ID, Kind: EventAssigned, UserID: c.AssigneeID}); err != nil {
			return nil, err
		}
	}
	if startResearch {
		if err := s.audit(tx, m, event{actor: actor, action: "claim.research", objectType: "claim", objectID: c.ID,
			before: map[string]any{"status": ClaimDraft}, after: map[string]any{"status": ClaimResearching}}); err != nil {
			return nil, err
		}
	}
	switch after := c.view(); {
	case content:
		return c, s.audit(tx, m, event{actor: actor, action: "claim.update", objectType: "claim", objectID: c.ID, before: before, after: after})
	case !after.triageView.same(before.triageView):
		return c, s.audit(tx, m, event{actor: actor, action: "claim.triage", objectType: "claim", objectID: c.ID,
			before: before.triageView, after: after.triageView})
	}
	return c, nil
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
	err := withAssignee(db).Preload("Person").Preload("Tags", func(db *gorm.DB) *gorm.DB { return db.Order("tag") }).
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
	// claims before review whose verdict a reviewer sent back; with
	// DeskStatus set, ClaimDraft and ClaimResearching keep the others, as
	// the desk shows them.
	Status ClaimStatus
	// DeskStatus filters by Claim.DeskStatus rather than the stored status.
	DeskStatus bool
	CreatedBy  uint
	// AssigneeID keeps the claims assigned to this account.
	AssigneeID uint
	// Open keeps the claims still worked on: draft, researching or in
	// review.
	Open bool
	// DueBy keeps the claims still worked on that are due on this day or
	// earlier, assigned to DueFor or to nobody; nil: any.
	DueBy  *time.Time
	DueFor uint
	// Language keeps the claims in this canonical language range (as
	// PublicQuery.Language).
	Language string
	// Words keeps the claims whose desk text holds each of these folded
	// words (see DeskSearchWords and desk_search.go): their words,
	// summary, speaker, article's title, verdicts' headlines,
	// explanations and rating labels, whatever their status.
	Words []string
	// PersonID keeps the claims of this speaker; Tag those with this tag
	// (a tag as stored: see normalizeTags).
	PersonID uint
	Tag      string
	// Unassigned keeps the claims assigned to nobody.
	Unassigned bool
	// SaidFrom and SaidTo keep the claims said on these days or between
	// them (either may be nil); a claim with no date said is left out
	// when either is set.
	SaidFrom, SaidTo *time.Time
	// Sort orders the list; "" is SortChanged (or the due order, with
	// DueBy).
	Sort   ClaimSort
	Limit  int
	Offset int
}

// ClaimSort is an order of a desk list of claims.
type ClaimSort string

// The orders of a desk list of claims.
const (
	// SortChanged is the most recently changed first.
	SortChanged ClaimSort = "changed"
	// SortNewest is the most recently logged first; SortOldest the first
	// logged first.
	SortNewest ClaimSort = "newest"
	SortOldest ClaimSort = "oldest"
	// SortDue is the earliest due first, then the most urgent, then the
	// first logged; claims with no due day last (as the desk's "due
	// soon" list).
	SortDue ClaimSort = "due"
	// SortSaid is the most recently said first; claims with no date said
	// last.
	SortSaid ClaimSort = "said"
)

// ClaimSorts are the orders of a desk list, the default first.
var ClaimSorts = []ClaimSort{SortChanged, SortNewest, SortOldest, SortDue, SortSaid}

// claimSortOrder is the SQL order of each ClaimSort.
var claimSortOrder = map[ClaimSort]string{
	SortChanged: "claims.updated_at DESC, claims.id DESC",
	SortNewest:  "claims.created_at DESC, claims.id DESC",
	SortOldest:  "claims.created_at, claims.id",
	SortDue:     deskClaimOrder,
	SortSaid:    "claims.said_at IS NULL, claims.said_at DESC, claims.id DESC",
}

// ListClaims returns claims with their speakers, assignees and
// appearances, in f.Sort's order (by default the most recently changed
// first; by due day, the earliest first, with DueBy), with SentBack set.
// Ids that match nothing (a speaker, author or assignee unknown) give an
// empty list.
func (s *Store) ListClaims(ctx context.Context, f ClaimFilter) ([]Claim, error) {
	db := withAssignee(s.read(ctx)).Preload("Person").Preload("Appearances", func(db *gorm.DB) *gorm.DB { return db.Order(appearanceOrder) })
	switch {
	case f.Status == ClaimSentBack:
		db = db.Where("status IN ?", beforeReview).Where(sentBack)
	case f.Status.BeforeReview() && f.DeskStatus:
		db = db.Where("status = ?", f.Status).Where(notSentBack)
	case f.Status != "":
		db = db.Where("status = ?", f.Status)
	}
	if f.CreatedBy != 0 {
		db = db.Where("created_by = ?", f.CreatedBy)
	}
	if f.AssigneeID != 0 {
		db = db.Where("assignee_id = ?", f.AssigneeID)
	}
	if f.Unassigned {
		db = db.Where("assignee_id IS NULL")
	}
	if f.Open {
		db = db.Where("status IN ?", openStatuses)
	}
	order := claimSortOrder[SortChanged]
	if f.DueBy != nil {
		db = dueBy(db, f.DueFor, *f.DueBy)
		order = deskClaimOrder
	}
	if o, ok := claimSortOrder[f.Sort]; ok {
		order = o
	}
	if f.Language != "" {
		cond, args := languageCondition("language", f.Language)
		db = db.Where(cond, args...)
	}
	if len(f.Words) > 0 {
		cond, args := deskWordsCondition(s.dialect, f.Words)
		db = db.Where(cond, args...)
	}
	if f.PersonID != 0 {
		db = db.Where("person_id = ?", f.PersonID)
	}
	if f.Tag != "" {
		db = db.Where("EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.claim_id = claims.id AND ct.tag = ?)", f.Tag)
	}
	if f.SaidFrom != nil {
		db = db.Where("said_at >= ?", *f.SaidFrom)
	}
	if f.SaidTo != nil {
		db = db.Where("said_at < ?", f.SaidTo.AddDate(0, 0, 1))
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	var out []Claim
	if err := db.Order(order).Limit(f.Limit).Offset(f.Offset).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	return out, markSentBack(s.read(ctx), out)
}
