package models

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// How a published fact-check changes
//
// The public reads a published claim's own rows: its fields, its sources and
// its published verdict. None of them changes in place. An editor opens an
// update instead (OpenUpdate): a ClaimUpdate that starts as a copy of what
// is published and holds everything the update proposes: the claim's
// fields, its whole list of sources (each naming the published source it
// keeps or edits, or none for a new one), the verdict, and a public note of
// what changed and why. Submitting it (SubmitUpdate) makes the verdict that
// carries its review; every later save gives that verdict a new version, so
// that an approval always names what the reviewer read. When the verdict
// reaches the review quorum (ReviewVerdict), publish applies the update to
// the claim's rows in the same transaction, records a correction of kind
// update (or rating change, when the rating moved) with the note, and keeps
// the version the public saw before in claim_publications.

// UpdateStatus is where an update of a published fact-check stands.
type UpdateStatus string

// Update statuses: draft → submitted → published; an open update (draft or
// submitted) may be withdrawn.
const (
	UpdateDraft     UpdateStatus = "draft"
	UpdateSubmitted UpdateStatus = "submitted"
	UpdatePublished UpdateStatus = "published"
	UpdateWithdrawn UpdateStatus = "withdrawn"
)

// IsOpen reports whether an update in this status may still change.
func (st UpdateStatus) IsOpen() bool { return st == UpdateDraft || st == UpdateSubmitted }

// UpdateSource is one source as an update proposes it. SourceID names the
// published source of the claim that it keeps or edits; 0 is a new source.
// A published source that the update does not list is removed when the
// update is published.
type UpdateSource struct {
	SourceID    uint       `json:"source_id,omitempty"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Outlet      string     `json:"outlet,omitempty"`
	PublishedAt string     `json:"published_at,omitempty"` // YYYY-MM-DD
	Kind        SourceKind `json:"kind"`
	Stance      Stance     `json:"stance"`
	Excerpt     string     `json:"excerpt,omitempty"`
	Locator     string     `json:"locator,omitempty"`
	// Language is the source's BCP 47 language tag; "" detects it.
	Language string `json:"language,omitempty"`
}

// ClaimUpdate is a proposed change to a published fact-check; see the
// comment at the top of this file.
type ClaimUpdate struct {
	ID      uint
	ClaimID uint
	// VerdictID is the verdict that carries the update's review: nil
	// until the update is submitted.
	VerdictID   *uint
	AuthorID    *uint
	Status      UpdateStatus
	Text        string
	Summary     string
	Speaker     string
	SpeakerKind PersonKind
	SaidAt      *time.Time
	Setting     string
	// Language is the claim's BCP 47 language tag as the update proposes
	// it; VerdictLanguage that of the proposed verdict.
	Language    string
	Tags        []string          `gorm:"serializer:json"`
	Appearances []AppearanceInput `gorm:"serializer:json"`
	Sources     []UpdateSource    `gorm:"serializer:json"`
	// Rating (a slug), Headline and Explanation are the proposed verdict.
	Rating          string
	Headline        string
	Explanation     string
	VerdictLanguage string
	// Note is the public note of what changed and why; required to submit.
	Note string
	// Editors are the accounts that saved the update: like the authors of
	// its verdict, none of them may approve it.
	Editors []uint `gorm:"serializer:json"`
	// Revision counts the update's saves, from 1; a save made from an
	// older revision is refused (*StaleError).
	Revision    int `gorm:"default:1"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PublishedAt *time.Time
}

// UpdatePatch changes some of what an update proposes; nil fields stay as
// they are. Sources, when given, is the whole new list.
type UpdatePatch struct {
	Text, Summary, Speaker        *string
	SpeakerKind                   *PersonKind
	SaidAt, Setting               *string
	Tags                          *[]string
	Appearances                   *[]AppearanceInput
	Sources                       *[]UpdateSource
	Rating, Headline, Explanation *string
	// Language and VerdictLanguage replace the claim's and the verdict's
	// language tags; "" detects them again from the text.
	Language, VerdictLanguage *string
	Note                      *string
	// Revision is the update's Revision the editor read; 0 means not
	// given (no check).
	Revision int
}

// updateView is what the audit log records of an update: flat, with each
// source in one line, so that the history lists it field by field.
type updateView struct {
	Text        string   `json:"text"`
	Summary     string   `json:"summary"`
	Speaker     string   `json:"speaker"`
	SaidAt      string   `json:"said_at,omitempty"`
	Setting     string   `json:"setting,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Appearances []string `json:"appearances,omitempty"`
	Sources     []string `json:"sources,omitempty"`
	Language    string   `json:"language,omitempty"`
	Rating      string   `json:"rating"`
	Headline    string   `json:"headline"`
	Explanation string   `json:"explanation"`
	// VerdictLanguage is the proposed verdict's language tag.
	VerdictLanguage string `json:"verdict_language,omitempty"`
	Note            string `json:"note,omitempty"`
}

func (u *ClaimUpdate) view() updateView {
	out := updateView{Text: u.Text, Summary: u.Summary, Speaker: u.Speaker, SaidAt: FormatDate(u.SaidAt), Setting: u.Setting,
		Tags: u.Tags, Language: u.Language, Rating: u.Rating, Headline: u.Headline, Explanation: u.Explanation,
		VerdictLanguage: u.VerdictLanguage, Note: u.Note}
	for _, a := range u.Appearances {
		out.Appearances = append(out.Appearances, appearanceLine(a))
	}
	for _, src := range u.Sources {
		out.Sources = append(out.Sources, sourceLine(src))
	}
	return out
}

// sourceOfUpdate is a published source as an update first proposes it.
func sourceOfUpdate(src *Source) UpdateSource {
	return UpdateSource{SourceID: src.ID, URL: src.URL, Title: src.Title, Outlet: src.Outlet, PublishedAt: FormatDate(src.PublishedAt),
		Kind: src.Kind, Stance: src.Stance, Excerpt: src.Excerpt, Locator: src.Locator, Language: src.Language}
}

// input is the source as SourceInput, for its validation.
func (us UpdateSource) input() SourceInput {
	return SourceInput{URL: us.URL, Title: us.Title, Outlet: us.Outlet, PublishedAt: us.PublishedAt, Kind: us.Kind,
		Stance: us.Stance, Excerpt: us.Excerpt, Locator: us.Locator, Language: us.Language}
}

// OpenUpdate starts an update of a published fact-check, as a copy of what
// is published: the claim's fields, its sources and its verdict. Editors
// and above may. A claim that is not published (or is retracted) is
// ErrConflict, and so is one that already has an open update or a verdict
// in review.
func (s *Store) OpenUpdate(ctx context.Context, actor *User, m Meta, claimID uint) (*ClaimUpdate, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("open update: %w", ErrForbidden)
	}
	var out *ClaimUpdate
	err := s.write(ctx, func(tx *gorm.DB) error {
		if _, err := s.lockClaim(tx, claimID); err != nil {
			return err
		}
		c, err := s.loadClaim(tx, "claims.id = ?", claimID)
		if err != nil {
			return err
		}
		if c.Status != ClaimPublished {
			return &ConflictError{Reason: NewReason("reasons.update_needs_published", "Claim {{.ID}} is {{.Status}}: only a published fact-check is updated.",
				"ID", idText(c.ID), "Status", claimStatusWord(c.Status))}
		}
		if open, err := openUpdateOf(tx, c.ID); err != nil {
			return err
		} else if open != nil {
			return &ConflictError{Reason: NewReason("reasons.update_open", "Claim {{.ID}} already has an open update, {{.Update}}: change that one, or withdraw it first.",
				"ID", idText(c.ID), "Update", idText(open.ID))}
		}
		if c.OpenVerdict() != nil {
			return &ConflictError{Reason: NewReason("reasons.update_verdict_in_review", "Claim {{.ID}} has a verdict in review: it is approved or sent back first.", "ID", idText(c.ID))}
		}
		cur := c.CurrentVerdict()
		if cur == nil {
			return &ConflictError{Reason: NewReason("reasons.update_no_verdict", "Claim {{.ID}} has no published verdict to update.", "ID", idText(c.ID))}
		}
		u := &ClaimUpdate{ClaimID: c.ID, AuthorID: &actor.ID, Status: UpdateDraft, Text: c.Text, Summary: c.Summary,
			Speaker: c.SpeakerName(), SpeakerKind: KindPerson, SaidAt: c.SaidAt, Setting: c.Setting, Language: c.Language, Tags: c.TagNames(),
			Appearances: AppearanceInputs(c.Appearances),
			Sources:     []UpdateSource{}, Editors: []uint{actor.ID}, Rating: cur.RatingSlug, Headline: cur.Headline,
			Explanation: cur.Explanation, VerdictLanguage: cur.Language, Revision: 1}
		if c.Person != nil {
			u.SpeakerKind = c.Person.Kind
		}
		for i := range c.Sources {
			u.Sources = append(u.Sources, sourceOfUpdate(&c.Sources[i]))
		}
		if err := tx.Omit(clause.Associations).Create(u).Error; err != nil {
			return fmt.Errorf("insert update: %w", err)
		}
		out = u
		return s.audit(tx, m, event{actor: actor, action: "update.open", objectType: "claim", objectID: c.ID, after: u.view()})
	})
	return out, err
}

// openUpdateOf returns claim id's open update, or nil.
func openUpdateOf(tx *gorm.DB, claimID uint) (*ClaimUpdate, error) {
	var u ClaimUpdate
	err := tx.Where("claim_id = ? AND status IN ?", claimID, []UpdateStatus{UpdateDraft, UpdateSubmitted}).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find open update of claim %d: %w", claimID, err)
	}
	return &u, nil
}

// OpenUpdateOf returns the open update (draft or submitted) of a claim, or
// nil when it has none.
func (s *Store) OpenUpdateOf(ctx context.Context, claimID uint) (*ClaimUpdate, error) {
	return openUpdateOf(s.read(ctx), claimID)
}

// GetUpdate returns one update, whatever its status.
func (s *Store) GetUpdate(ctx context.Context, id uint) (*ClaimUpdate, error) {
	return findUpdate(s.read(ctx), id)
}

func findUpdate(db *gorm.DB, id uint) (*ClaimUpdate, error) {
	var u ClaimUpdate
	err := db.Where("id = ?", id).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("update %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find update: %w", err)
	}
	return &u, nil
}

// ClaimUpdates lists every update of a claim, newest first.
func (s *Store) ClaimUpdates(ctx context.Context, claimID uint) ([]ClaimUpdate, error) {
	var out []ClaimUpdate
	if err := s.read(ctx).Where("claim_id = ?", claimID).Order("id DESC").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("updates of claim %d: %w", claimID, err)
	}
	return out, nil
}

// mayChangeUpdate refuses an actor other than the update's author or an
// admin (ErrForbidden), and an update that is no longer open (ErrConflict).
func mayChangeUpdate(u *ClaimUpdate, actor *User) error {
	if !actor.Can(RoleEditor) || (u.AuthorID == nil || *u.AuthorID != actor.ID) && !actor.Can(RoleAdmin) {
		return fmt.Errorf("only the author or an admin changes update %d: %w", u.ID, ErrForbidden)
	}
	if !u.Status.IsOpen() {
		return &ConflictError{Reason: NewReason("reasons.update_closed", "Update {{.ID}} is {{.Status}}: it can no longer change.",
			"ID", idText(u.ID), "Status", updateStatusWord(u.Status))}
	}
	return nil
}

// SaveUpdate changes what an open update proposes and raises its Revision.
// Its author or an admin may. Every field is checked as for a new claim,
// source or verdict; field errors name the field ("sources[2].url" for the
// third source, "appearances[0].url" for the first appearance). A source may name only a published source of the claim,
// once. When the update is submitted, its verdict gets a new version and
// goes back to review: approvals of what was read before stop counting. A
// save made from an older revision changes nothing (*StaleError).
func (s *Store) SaveUpdate(ctx context.Context, actor *User, m Meta, id uint, p UpdatePatch) (*ClaimUpdate, error) {
	var out *ClaimUpdate
	err := s.write(ctx, func(tx *gorm.DB) error {
		u, c, err := lockWithClaim[ClaimUpdate](s, tx, "update", id)
		if err != nil {
			return err
		}
		if err := mayChangeUpdate(u, actor); err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("update %d", id), p.Revision, u.Revision); err != nil {
			return err
		}
		before := u.view()
		saidAt := FormatDate(u.SaidAt)
		apply(&u.Text, p.Text)
		apply(&u.Summary, p.Summary)
		apply(&u.Speaker, p.Speaker)
		apply(&saidAt, p.SaidAt)
		apply(&u.Setting, p.Setting)
		apply(&u.Rating, p.Rating)
		apply(&u.Headline, p.Headline)
		apply(&u.Explanation, p.Explanation)
		apply(&u.Language, p.Language)
		apply(&u.VerdictLanguage, p.VerdictLanguage)
		apply(&u.Note, p.Note)
		if p.SpeakerKind != nil {
			u.SpeakerKind = *p.SpeakerKind
		}
		if p.Tags != nil {
			u.Tags = *p.Tags
		}
		if p.Appearances != nil {
			u.Appearances = *p.Appearances
		}
		if p.Sources != nil {
			u.Sources = *p.Sources
		}
		if err := s.checkUpdate(tx, u, c, saidAt); err != nil {
			return err
		}
		if u.Status == UpdateSubmitted {
			// What reviewers approve must still say publicly what changed,
			// and change something.
			if err := s.checkSubmittable(tx, u, c); err != nil {
				return err
			}
		}
		u.Revision++
		if !slices.Contains(u.Editors, actor.ID) {
			u.Editors = append(u.Editors, actor.ID)
		}
		if err := tx.Model(u).Select("text", "summary", "speaker", "speaker_kind", "said_at", "setting", "language", "tags", "appearances", "sources",
			"rating", "headline", "explanation", "verdict_language", "note", "editors", "revision", "updated_at").Updates(u).Error; err != nil {
			return fmt.Errorf("save update: %w", err)
		}
		if u.Status == UpdateSubmitted && u.VerdictID != nil {
			if err := s.newVersionOfUpdateVerdict(tx, u, actor); err != nil {
				return err
			}
		}
		out = u
		return s.audit(tx, m, event{actor: actor, action: "update.save", objectType: "claim", objectID: c.ID, before: before, after: u.view()})
	})
	return out, err
}

// checkUpdate validates and normalises what u proposes for claim c, with
// its said-on date as text.
func (s *Store) checkUpdate(tx *gorm.DB, u *ClaimUpdate, c *Claim, saidAt string) error {
	in := ClaimInput{Text: u.Text, Summary: u.Summary, Speaker: u.Speaker, SpeakerKind: u.SpeakerKind, SaidAt: saidAt,
		Setting: u.Setting, Tags: u.Tags, Appearances: u.Appearances, Language: u.Language}
	today, err := s.today(tx)
	if err != nil {
		return err
	}
	said, tags, appearances, err := in.validate(today)
	fields := map[string]Reason{}
	maps := func(err error, prefix string) {
		for k, v := range FieldReasons(err) {
			fields[prefix+k] = v
		}
	}
	maps(err, "")
	u.Text, u.Summary, u.Speaker, u.SpeakerKind, u.SaidAt, u.Setting, u.Tags = in.Text, in.Summary, in.Speaker, in.SpeakerKind, said, in.Setting, tags
	u.Language = in.Language
	if u.Tags == nil {
		u.Tags = []string{}
	}
	if FieldErrors(err) == nil {
		u.Appearances = AppearanceInputs(appearances)
		// The article the claim was logged from stays an appearance (see
		// setAppearances): the update lists it, so that what it shows is
		// what will be published.
		article, err := claimArticle(tx, c.ArticleID)
		if err != nil {
			return err
		}
		if article != nil && !slices.ContainsFunc(u.Appearances, func(a AppearanceInput) bool { return a.URL == article.URL }) {
			u.Appearances = append(u.Appearances, AppearanceInput{URL: article.URL, Date: FormatDate(article.PublishedAt), Where: article.Outlet})
		}
		if len(u.Appearances) > MaxAppearances {
			fields["appearances"] = reasonAppearancesBesidesArticle()
		}
	}
	var published []uint
	if err := tx.Model(&Source{}).Where("claim_id = ?", c.ID).Pluck("id", &published); err.Error != nil {
		return fmt.Errorf("sources of claim %d: %w", c.ID, err.Error)
	}
	if len(u.Sources) > maxUpdateSources {
		fields["sources"] = ReasonMaxItems(maxUpdateSources)
	}
	seen := map[uint]bool{}
	for i := range u.Sources {
		us := &u.Sources[i]
		prefix := UpdateSourceField(i, "")
		in := us.input()
		_, err := in.validate(today)
		maps(err, prefix)
		us.URL, us.Title, us.Outlet, us.PublishedAt, us.Excerpt, us.Locator = in.URL, in.Title, in.Outlet, in.PublishedAt, in.Excerpt, in.Locator
		us.Language = in.Language
		if us.SourceID != 0 {
			if !slices.Contains(published, us.SourceID) || seen[us.SourceID] {
				fields[prefix+"source_id"] = NewReason("reasons.source_of_claim_once", "must name a source of this claim, once")
			}
			seen[us.SourceID] = true
		}
	}
	verdict := VerdictInput{Rating: u.Rating, Headline: u.Headline, Explanation: u.Explanation, Language: u.VerdictLanguage}
	if _, err := s.validateVerdict(tx, &verdict); err != nil && FieldErrors(err) == nil {
		return err
	} else if fe := FieldReasons(err); fe != nil {
		// The claim's language is "language"; the verdict's is named apart.
		if why, ok := fe["language"]; ok {
			delete(fe, "language")
			fe["verdict_language"] = why
		}
		maps(err, "")
	}
	u.Headline, u.Explanation, u.VerdictLanguage = verdict.Headline, verdict.Explanation, verdict.Language
	var v Validator
	v.text("note", &u.Note, false, 5000)
	maps(v.Err(), "")
	if len(fields) > 0 {
		return &ValidationError{Fields: fields}
	}
	return nil
}

// UpdateSourceField names a member ("url", "title", …) of the i-th source
// an update lists, counted from 0, as validation errors name it:
// "sources[2].url".
func UpdateSourceField(i int, member string) string {
	return "sources[" + strconv.Itoa(i) + "]." + member
}

// maxUpdateSources is the most sources an update may list.
const maxUpdateSources = 100

// ratingBySlug finds a rating of the scale, or ErrNotFound.
func ratingBySlug(tx *gorm.DB, slug string) (*Rating, error) {
	var r Rating
	err := tx.Where("slug = ?", slug).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("rating %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find rating: %w", err)
	}
	return &r, nil
}

// newVersionOfUpdateVerdict copies what a submitted update proposes into
// its verdict as a new version, back in review.
func (s *Store) newVersionOfUpdateVerdict(tx *gorm.DB, u *ClaimUpdate, actor *User) error {
	v, err := lockRow[Verdict](s, tx, "verdict", *u.VerdictID)
	if err != nil {
		return err
	}
	r, err := ratingBySlug(tx, u.Rating)
	if err != nil {
		return err
	}
	change := ChangeClaimEdited
	if v.RatingSlug != r.Slug || v.Headline != u.Headline || v.Explanation != u.Explanation || v.Language != u.VerdictLanguage {
		change = ChangeRevised
	}
	return s.newVerdictVersion(tx, v, r, u.Headline, u.Explanation, u.VerdictLanguage, change, actor)
}

// SubmitUpdate sends a draft update to review: it makes the verdict that
// carries the update's review, in review at version 1. Its author or an
// admin may. The public note is required, and an update that changes
// nothing of what is published is refused (ValidationError on "note" or
// "update"); revision is the update's Revision the editor read (0: no
// check).
func (s *Store) SubmitUpdate(ctx context.Context, actor *User, m Meta, id uint, revision int) (*ClaimUpdate, error) {
	var out *ClaimUpdate
	err := s.write(ctx, func(tx *gorm.DB) error {
		u, c, err := lockWithClaim[ClaimUpdate](s, tx, "update", id)
		if err != nil {
			return err
		}
		if err := mayChangeUpdate(u, actor); err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("update %d", id), revision, u.Revision); err != nil {
			return err
		}
		if u.Status != UpdateDraft {
			return &ConflictError{Reason: NewReason("reasons.update_in_review", "Update {{.ID}} is already in review.", "ID", idText(u.ID))}
		}
		if c.Status != ClaimPublished {
			return &ConflictError{Reason: NewReason("reasons.update_review_needs_published", "Claim {{.ID}} is {{.Status}}: only an update of a published fact-check goes to review.",
				"ID", idText(c.ID), "Status", claimStatusWord(c.Status))}
		}
		if err := s.checkUpdate(tx, u, c, FormatDate(u.SaidAt)); err != nil {
			return err
		}
		if err := s.checkSubmittable(tx, u, c); err != nil {
			return err
		}
		r, err := ratingBySlug(tx, u.Rating)
		if err != nil {
			return err
		}
		now := s.now()
		v := &Verdict{ClaimID: c.ID, RatingID: r.ID, RatingSlug: r.Slug, RatingLabel: r.Label, Headline: u.Headline,
			Explanation: u.Explanation, Language: u.VerdictLanguage, AuthorID: u.AuthorID, Status: VerdictInReview, Version: 1, InReviewSince: &now}
		if err := tx.Omit(clause.Associations).Create(v).Error; err != nil {
			return fmt.Errorf("insert verdict of update %d: %w", u.ID, err)
		}
		if err := s.recordVersion(tx, v, ChangeProposed, actor); err != nil {
			return err
		}
		if err := s.sentToReview(tx, actor, v); err != nil {
			return err
		}
		u.VerdictID, u.Status, u.Revision = &v.ID, UpdateSubmitted, u.Revision+1
		if !slices.Contains(u.Editors, actor.ID) {
			u.Editors = append(u.Editors, actor.ID)
		}
		if err := tx.Model(u).Select("verdict_id", "status", "editors", "revision", "updated_at").Updates(u).Error; err != nil {
			return fmt.Errorf("submit update: %w", err)
		}
		out = u
		return s.audit(tx, m, event{actor: actor, action: "update.submit", objectType: "claim", objectID: c.ID,
			after: map[string]any{"note": u.Note}})
	})
	return out, err
}

// checkSubmittable refuses an update of claim c that has no public note or
// changes nothing of the published fact-check (ValidationError on "note"
// or "update").
func (s *Store) checkSubmittable(tx *gorm.DB, u *ClaimUpdate, c *Claim) error {
	full, err := s.loadClaim(tx, "claims.id = ?", c.ID)
	if err != nil {
		return err
	}
	var val Validator
	val.Check(u.Note != "", "note", NewReason("reasons.update_note_required", "is required: say publicly what changed and why"))
	val.Check(len(UpdateChanges(full, u)) > 0, "update", NewReason("reasons.update_no_change", "changes nothing of the published fact-check"))
	return val.Err()
}

// WithdrawUpdate abandons an open update: nothing it proposed is published,
// and the verdict that carried its review (with its reviews) goes with it;
// the audit log keeps what it proposed. Its author or an admin may. A
// withdrawal made from a revision that is no longer current (revision; 0:
// no check) changes nothing and is a *StaleError.
func (s *Store) WithdrawUpdate(ctx context.Context, actor *User, m Meta, id uint, revision int) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		u, c, err := lockWithClaim[ClaimUpdate](s, tx, "update", id)
		if err != nil {
			return err
		}
		if err := mayChangeUpdate(u, actor); err != nil {
			return err
		}
		if err := checkRevision(fmt.Sprintf("update %d", id), revision, u.Revision); err != nil {
			return err
		}
		if err := withdrawUpdate(tx, u, s.now()); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "update.withdraw", objectType: "claim", objectID: c.ID, before: u.view()})
	})
}

// withdrawUpdate marks u withdrawn and removes its unpublished verdict.
func withdrawUpdate(tx *gorm.DB, u *ClaimUpdate, now time.Time) error {
	if err := tx.Model(&ClaimUpdate{}).Where("id = ?", u.ID).Updates(map[string]any{"status": UpdateWithdrawn, "verdict_id": nil, "updated_at": now}).Error; err != nil {
		return fmt.Errorf("withdraw update %d: %w", u.ID, err)
	}
	if u.VerdictID != nil {
		err := tx.Where("id = ? AND status IN ?", *u.VerdictID, []VerdictStatus{VerdictInReview, VerdictChangesRequested}).Delete(&Verdict{}).Error
		if err != nil {
			return fmt.Errorf("remove verdict of update %d: %w", u.ID, err)
		}
		touchDeskTexts(tx, u.ClaimID, u.ClaimID) // its words are no longer searched
	}
	return nil
}

// applyUpdate makes claim c what its update u proposes: the claim's fields,
// its sources (kept and edited, added, removed) and the update's status. The
// caller publishes the update's verdict in the same transaction.
func (s *Store) applyUpdate(tx *gorm.DB, actor *User, m Meta, u *ClaimUpdate, c *Claim) error {
	now := s.now()
	person, err := s.speaker(tx, actor, m, u.Speaker, u.SpeakerKind)
	if err != nil {
		return err
	}
	err = tx.Model(&Claim{}).Where("id = ?", c.ID).Updates(map[string]any{"text": u.Text, "summary": u.Summary, "language": u.Language, "person_id": person.ID,
		"said_at": u.SaidAt, "setting": u.Setting, "revision": gorm.Expr("revision + 1"), "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("apply update %d to claim %d: %w", u.ID, c.ID, err)
	}
	if err := setTags(tx, &Claim{ID: c.ID}, u.Tags); err != nil {
		return err
	}
	today, err := s.today(tx)
	if err != nil {
		return err
	}
	var v Validator
	appearances := validateAppearances(&v, slices.Clone(u.Appearances), today)
	if err := v.Err(); err != nil {
		return err
	}
	article, err := claimArticle(tx, c.ArticleID)
	if err != nil {
		return err
	}
	if err := setAppearances(tx, &Claim{ID: c.ID}, appearances, article); err != nil {
		return err
	}
	keep := []uint{}
	for _, us := range u.Sources {
		in := us.input()
		src, err := in.validate(today)
		if err != nil {
			return err
		}
		if us.SourceID == 0 {
			src.ClaimID, src.CreatedBy = c.ID, u.AuthorID
			if err := tx.Create(src).Error; err != nil {
				return fmt.Errorf("add source of update %d: %w", u.ID, err)
			}
			if err := s.sourceURLSaved(tx, src.ID, "", src.URL); err != nil {
				return err
			}
			keep = append(keep, src.ID)
			continue
		}
		keep = append(keep, us.SourceID)
		var oldURLs []string
		if err := tx.Model(&Source{}).Where("id = ? AND claim_id = ?", us.SourceID, c.ID).Pluck("url", &oldURLs).Error; err != nil {
			return fmt.Errorf("read source %d of update %d: %w", us.SourceID, u.ID, err)
		}
		oldURL := ""
		if len(oldURLs) == 1 {
			oldURL = oldURLs[0]
		}
		err = tx.Model(&Source{}).Where("id = ? AND claim_id = ?", us.SourceID, c.ID).Updates(map[string]any{"url": src.URL, "title": src.Title,
			"outlet": src.Outlet, "published_at": src.PublishedAt, "kind": src.Kind, "stance": src.Stance, "excerpt": src.Excerpt,
			"locator": src.Locator, "language": src.Language, "revision": gorm.Expr("revision + 1"), "updated_at": now}).Error
		if err != nil {
			return fmt.Errorf("edit source %d in update %d: %w", us.SourceID, u.ID, err)
		}
		if oldURL != "" {
			if err := s.sourceURLSaved(tx, us.SourceID, oldURL, src.URL); err != nil {
				return err
			}
		}
	}
	if err := tx.Where("claim_id = ? AND id NOT IN ?", c.ID, append(keep, 0)).Delete(&Source{}).Error; err != nil {
		return fmt.Errorf("remove sources in update %d: %w", u.ID, err)
	}
	if err := tx.Model(&ClaimUpdate{}).Where("id = ?", u.ID).Updates(map[string]any{"status": UpdatePublished, "published_at": now, "updated_at": now}).Error; err != nil {
		return fmt.Errorf("publish update %d: %w", u.ID, err)
	}
	return nil
}

// updateOfVerdict returns the submitted update whose review verdict v
// carries, or nil.
func updateOfVerdict(tx *gorm.DB, verdictID uint) (*ClaimUpdate, error) {
	var u ClaimUpdate
	err := tx.Where("verdict_id = ? AND status = ?", verdictID, UpdateSubmitted).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find update of verdict %d: %w", verdictID, err)
	}
	return &u, nil
}

// renameSpeakerOfOpenUpdates makes the open updates that name the speaker
// oldName (whatever its case) name newName instead, when a speaker is
// renamed or merged into another: publishing them must not bring the old
// speaker back.
func (s *Store) renameSpeakerOfOpenUpdates(tx *gorm.DB, oldName, newName string) error {
	open := []UpdateStatus{UpdateDraft, UpdateSubmitted}
	var ids []uint
	if err := tx.Model(&ClaimUpdate{}).Where("LOWER(speaker) = LOWER(?) AND status IN ?", oldName, open).Pluck("claim_id", &ids).Error; err != nil {
		return fmt.Errorf("find open updates naming %q: %w", oldName, err)
	}
	for _, id := range ids {
		// Claims are locked before their updates, as every change does.
		if _, err := s.lockClaim(tx, id); err != nil {
			return err
		}
	}
	// A new revision, so that a form read before cannot write the old name back.
	err := tx.Model(&ClaimUpdate{}).Where("LOWER(speaker) = LOWER(?) AND status IN ?", oldName, open).
		Updates(map[string]any{"speaker": newName, "revision": gorm.Expr("revision + 1")}).Error
	if err != nil {
		return fmt.Errorf("rename speaker %q in open updates: %w", oldName, err)
	}
	return nil
}
