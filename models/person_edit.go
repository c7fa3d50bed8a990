package models

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// Speakers are edited, merged and deleted here. Editors and above may edit
// a speaker; merging and deleting, which remove a speaker's page and may
// move published fact-checks, are for reviewers and above.
//
// A speaker's page address follows their name: renaming gives a new slug,
// and the old one becomes a PersonRedirect. Merging one speaker into
// another moves every claim, makes the merged speaker's addresses
// redirects to the one kept, and removes the merged speaker. The public
// pages that show a speaker are re-versioned in the same transaction:
// every public claim page of theirs when their name, address or kind
// changes (claim pages and ClaimReview name them), or only the pages of
// the site version (lists, people pages) when nothing else they show did.

// PersonListing is a speaker in the desk's list, with how many claims they
// have, whatever their status.
type PersonListing struct {
	Person
	Claims int
}

// PeopleQuery selects speakers for the desk and the API; zero fields match
// everyone.
type PeopleQuery struct {
	// Name keeps the speakers whose name contains it, whatever its case
	// (ASCII letters are folded).
	Name string
	// Limit is at most 200 (default 50); Offset skips that many.
	Limit, Offset int
}

// FindPeople lists speakers by name, with their claim counts.
func (s *Store) FindPeople(ctx context.Context, q PeopleQuery) ([]PersonListing, error) {
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 50
	}
	db := s.read(ctx).Table("people p").
		Select("p.*, (SELECT count(*) FROM claims c WHERE c.person_id = p.id) AS claims")
	if name := strings.TrimSpace(q.Name); name != "" {
		db = db.Where(`lower(p.name) LIKE ? ESCAPE '\'`, "%"+escapeLike(strings.ToLower(name))+"%")
	}
	var out []PersonListing
	if err := db.Order("p.name, p.id").Limit(q.Limit).Offset(max(q.Offset, 0)).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("find people: %w", err)
	}
	return out, nil
}

// escapeLike makes s match itself in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CountClaimsOf returns how many claims a speaker has, whatever their status.
func (s *Store) CountClaimsOf(ctx context.Context, personID uint) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&Claim{}).Where("person_id = ?", personID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count claims of person %d: %w", personID, err)
	}
	return n, nil
}

// ClaimsOf returns a speaker's claims, whatever their status, most recently
// changed first, at most limit (1 to 200, default 50).
func (s *Store) ClaimsOf(ctx context.Context, personID uint, limit int) ([]Claim, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var out []Claim
	err := s.read(ctx).Preload("Person").Where("person_id = ?", personID).
		Order("updated_at DESC, id DESC").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("claims of person %d: %w", personID, err)
	}
	return out, nil
}

// minDuplicateWord is the fewest letters a word of a name must have for
// PossibleDuplicates to look for it: initials and particles ("J.", "de")
// would match too many speakers.
const minDuplicateWord = 3

// PossibleDuplicates lists up to limit other speakers whose name holds a
// word of p's name (of at least minDuplicateWord letters), by name: for
// "Nandakumar", "Priya Nandakumar". They are the likely candidates for a
// merge.
func (s *Store) PossibleDuplicates(ctx context.Context, p *Person, limit int) ([]Person, error) {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(p.Name), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '-' || r == '(' || r == ')' || r == '\'' || r == '’'
	}) {
		if utf8.RuneCountInString(w) >= minDuplicateWord && len(words) < 8 {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	db := s.read(ctx).Where("id <> ?", p.ID)
	match := s.read(ctx)
	for _, w := range words {
		match = match.Or(`lower(name) LIKE ? ESCAPE '\'`, "%"+escapeLike(w)+"%")
	}
	var out []Person
	if err := db.Where(match).Order("name, id").Limit(limit).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("possible duplicates of person %d: %w", p.ID, err)
	}
	return out, nil
}

// PersonHistory returns every audit event about a speaker, oldest first:
// their creation, edits and the speakers merged into them.
func (s *Store) PersonHistory(ctx context.Context, personID uint) ([]AuditEvent, error) {
	var out []AuditEvent
	if err := s.read(ctx).Where("object_type = ? AND object_id = ?", "person", personID).Order("id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("person history: %w", err)
	}
	return out, nil
}

// PersonRedirect returns the current slug of the public speaker that a
// former slug of theirs (see PersonRedirect) now points to. A slug that
// was never a speaker's, or whose speaker has no public fact-check, is
// ErrNotFound, as the page itself would be.
func (s *Store) PersonRedirect(ctx context.Context, slug string) (string, error) {
	var to []string
	err := s.read(ctx).Table("person_redirects r").Joins("JOIN people p ON p.id = r.person_id").
		Where("r.slug = ? AND p.public_claims > 0", slug).Pluck("p.slug", &to).Error
	if err != nil {
		return "", fmt.Errorf("find person redirect: %w", err)
	}
	if len(to) == 0 {
		return "", fmt.Errorf("person redirect %q: %w", slug, ErrNotFound)
	}
	return to[0], nil
}

// lockPerson reads a speaker's row for a change, holding it on Postgres
// until the transaction ends: a merge or deletion removes the row
// (strength "UPDATE"); an edit keeps its key ("NO KEY UPDATE"), so that a
// claim given this speaker meanwhile, its row locked first, does not wait
// for the edit while the edit waits for the claim.
func (s *Store) lockPerson(tx *gorm.DB, id uint, strength string) (*Person, error) {
	return lockRowAs[Person](s, tx, "person", id, strength)
}

// speakerWhat names a speaker in a *StaleError.
func speakerWhat(id uint) string { return "speaker " + strconv.FormatUint(uint64(id), 10) }

// UpdatePerson edits a speaker's name, kind, title, affiliation and
// description, every field at once, and raises their Revision by one.
// A new name that another speaker has, whatever its case, is refused
// (422: merge the two instead). A name that makes another slug gives the
// speaker a new page address; the old one redirects to it. An edit made
// from a revision that is no longer current (in.Revision) changes nothing
// and is a *StaleError. Editors and above may. Open verdicts keep their
// version: the speaker is the same one, under a corrected name.
func (s *Store) UpdatePerson(ctx context.Context, actor *User, m Meta, id uint, in PersonInput) (*Person, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("update person: %w", ErrForbidden)
	}
	var out *Person
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, err := s.lockPerson(tx, id, "NO KEY UPDATE")
		if err != nil {
			return err
		}
		if err := checkRevision(speakerWhat(id), in.Revision, p.Revision); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		switch other, err := personByName(tx, in.Name); {
		case err == nil && other.ID != p.ID:
			return Invalid("name", reasonAnotherSpeakersName)
		case err != nil && !errors.Is(err, ErrNotFound):
			return err
		}
		before := p.view()
		onClaimPages := p.Name != in.Name || p.Kind != in.Kind
		p.Name, p.Kind, p.Title, p.Affiliation, p.Description = in.Name, in.Kind, in.Title, in.Affiliation, in.Description
		p.Revision++
		p.UpdatedAt = s.now()
		cols := []string{"name", "kind", "title", "affiliation", "description", "revision", "updated_at"}
		if err := s.renamePerson(tx, p, func(tx *gorm.DB, slug string) error {
			p.Slug = slug
			if err := tx.Model(p).Select(append(cols, "slug")).Updates(p).Error; err != nil {
				return fmt.Errorf("update person: %w", err)
			}
			return nil
		}); err != nil {
			return err
		}
		onClaimPages = onClaimPages || p.Slug != before.Slug
		if p.Name != before.Name {
			if err := s.reindexClaimsOf(tx, p.ID); err != nil {
				return err
			}
			if err := s.renameSpeakerOfOpenUpdates(tx, before.Name, p.Name); err != nil {
				return err
			}
		}
		if err := s.touchPersonPages(tx, p.ID, onClaimPages, p.view() != before); err != nil {
			return err
		}
		out = p
		return s.audit(tx, m, event{actor: actor, action: "person.update", objectType: "person", objectID: p.ID, before: before, after: p.view()})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// renamePerson saves p, whose Name may have changed, with save: under its
// current slug while that still fits the name (the name's slug base, or
// that base numbered), else under a new slug made from the name, in which
// case the old slug becomes a redirect to p. A former slug of p's own
// that the name gives again is taken back from the redirects.
func (s *Store) renamePerson(tx *gorm.DB, p *Person, save func(tx *gorm.DB, slug string) error) error {
	base, old := personSlugBase(p.Name), p.Slug
	if slugFits(old, base) {
		return save(tx, old)
	}
	// The speaker's own former address for this name is theirs again.
	if err := tx.Where("slug = ? AND person_id = ?", base, p.ID).Delete(&PersonRedirect{}).Error; err != nil {
		return fmt.Errorf("take back person slug: %w", err)
	}
	_, err := insertWithSlug(tx, "people", base, save, func(tx *gorm.DB) error {
		switch other, err := personByName(tx, p.Name); {
		case err == nil && other.ID != p.ID:
			return Invalid("name", reasonAnotherSpeakersName)
		case err != nil && !errors.Is(err, ErrNotFound):
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	return retireSlug(tx, s.now(), old, p.ID)
}

// slugFits reports whether slug is base, or base numbered (base-2, base-3…)
// as insertWithSlug numbers it.
func slugFits(slug, base string) bool {
	if slug == base {
		return true
	}
	n, ok := strings.CutPrefix(slug, base+"-")
	if !ok || n == "" || n[0] == '0' {
		return false
	}
	i, err := strconv.Atoi(n)
	return err == nil && i >= 2
}

// retireSlug makes slug, which a speaker's page had until now, a redirect
// to the speaker with id to.
func retireSlug(tx *gorm.DB, at time.Time, slug string, to uint) error {
	if err := tx.Create(&PersonRedirect{Slug: slug, PersonID: to, CreatedAt: at}).Error; err != nil {
		return fmt.Errorf("keep person slug %q: %w", slug, err)
	}
	return nil
}

// reindexClaimsOf rewrites the full-text entry of every claim of a speaker,
// whose name the entries hold.
func (s *Store) reindexClaimsOf(tx *gorm.DB, personID uint) error {
	var ids []uint
	if err := tx.Model(&Claim{}).Where("person_id = ?", personID).Order("id").Pluck("id", &ids).Error; err != nil {
		return fmt.Errorf("claims of person %d: %w", personID, err)
	}
	for _, id := range ids {
		if err := s.reindexClaim(tx, id); err != nil {
			return err
		}
	}
	return nil
}

// touchPersonPages re-versions the public pages that show a speaker, when
// they have public fact-checks: each of those claim pages when claimPages
// (the name, address or kind changed), else the pages of the site version
// only when sitePages (what only the speaker's own page and the lists show
// changed).
func (s *Store) touchPersonPages(tx *gorm.DB, personID uint, claimPages, sitePages bool) error {
	if !claimPages && !sitePages {
		return nil
	}
	var ids []uint
	err := tx.Model(&Claim{}).Where("person_id = ? AND status IN ?", personID, []ClaimStatus{ClaimPublished, ClaimRetracted}).
		Order("id").Pluck("id", &ids).Error
	if err != nil {
		return fmt.Errorf("public claims of person %d: %w", personID, err)
	}
	if len(ids) == 0 {
		return nil // no public page shows the speaker
	}
	if !claimPages {
		s.touchSitePages(tx)
		return nil
	}
	for _, id := range ids {
		s.touchClaimPage(tx, id)
	}
	return nil
}

// mergeView is what the audit log records of a merge: the speaker merged
// away (before) and the one kept, with how many claims moved (after).
type mergeView struct {
	personView
	ID     uint `json:"id"`
	Claims int  `json:"claims,omitempty"`
}

// MergePeople merges the speaker with id from into the speaker with id
// into, in one transaction: every claim of from moves to into (each
// claim's Revision rises, so that a form opened on it before does not
// bring the old speaker back, and its history records the move); the
// title, affiliation and description that into lacks are taken from
// from; from's page address and former addresses redirect to into's page
// (301); from is removed. The public pages of the moved claims, and
// into's, are re-versioned.
//
// revision is from's Revision as the caller read it (0: not checked); a
// stale one changes nothing (*StaleError). Reviewers and above may. A
// from that does not exist is ErrNotFound; into missing or equal to from
// is a *ValidationError naming "into". It returns into as it now is.
func (s *Store) MergePeople(ctx context.Context, actor *User, m Meta, from, into uint, revision int) (*Person, error) {
	if !actor.Can(RoleReviewer) {
		return nil, fmt.Errorf("merge people: %w", ErrForbidden)
	}
	var out *Person
	err := s.write(ctx, func(tx *gorm.DB) error {
		// Both rows, locked in the order of their ids so that two merges of
		// the same pair in opposite directions cannot deadlock.
		locked := map[uint]*Person{}
		for _, id := range []uint{min(from, into), max(from, into)} {
			if _, ok := locked[id]; ok {
				continue
			}
			p, err := s.lockPerson(tx, id, "UPDATE")
			if err != nil && !(errors.Is(err, ErrNotFound) && id == into) {
				return err
			}
			locked[id] = p
		}
		src, dst := locked[from], locked[into]
		if src == nil {
			return fmt.Errorf("person %d: %w", from, ErrNotFound)
		}
		if err := checkRevision(speakerWhat(from), revision, src.Revision); err != nil {
			return err
		}
		switch {
		case dst == nil:
			return Invalid("into", NewReason("reasons.not_logged_speaker", "is not a logged speaker"))
		case from == into:
			return Invalid("into", NewReason("reasons.merge_into_itself", "must be another speaker than the one merged"))
		}
		before := src.view()
		now := s.now()

		if err := s.renameSpeakerOfOpenUpdates(tx, src.Name, dst.Name); err != nil {
			return err
		}
		var moved []Claim
		if err := tx.Select("id", "status").Where("person_id = ?", from).Order("id").Find(&moved).Error; err != nil {
			return fmt.Errorf("claims of person %d: %w", from, err)
		}
		if len(moved) > 0 {
			err := tx.Model(&Claim{}).Where("person_id = ?", from).
				Updates(map[string]any{"person_id": into, "revision": gorm.Expr("revision + 1"), "updated_at": now}).Error
			if err != nil {
				return fmt.Errorf("move claims to person %d: %w", into, err)
			}
		}
		for _, c := range moved {
			if err := s.reindexClaim(tx, c.ID); err != nil {
				return err
			}
			if c.Status == ClaimPublished || c.Status == ClaimRetracted {
				s.touchClaimPage(tx, c.ID)
			}
			if err := s.audit(tx, m, event{actor: actor, action: "claim.speaker_merge", objectType: "claim", objectID: c.ID,
				before: map[string]string{"speaker": src.Name}, after: map[string]string{"speaker": dst.Name}}); err != nil {
				return err
			}
		}

		filled := false
		for _, f := range []struct{ dst, src *string }{{&dst.Title, &src.Title}, {&dst.Affiliation, &src.Affiliation}, {&dst.Description, &src.Description}} {
			if *f.dst == "" && *f.src != "" {
				*f.dst, filled = *f.src, true
			}
		}
		if filled {
			dst.Revision++
			dst.UpdatedAt = now
			if err := tx.Model(dst).Select("title", "affiliation", "description", "revision", "updated_at").Updates(dst).Error; err != nil {
				return fmt.Errorf("update person %d: %w", into, err)
			}
			if err := s.touchPersonPages(tx, into, false, true); err != nil {
				return err
			}
		}

		if err := tx.Model(&PersonRedirect{}).Where("person_id = ?", from).Update("person_id", into).Error; err != nil {
			return fmt.Errorf("redirect person %d: %w", from, err)
		}
		if err := retireSlug(tx, now, src.Slug, into); err != nil {
			return err
		}
		if err := tx.Delete(&Person{}, from).Error; err != nil {
			return fmt.Errorf("remove person %d: %w", from, err)
		}
		out = dst
		return s.audit(tx, m, event{actor: actor, action: "person.merge", objectType: "person", objectID: into,
			before: mergeView{personView: before, ID: from}, after: mergeView{personView: dst.view(), ID: into, Claims: len(moved)}})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeletePerson removes a speaker who has no claims, with their former page
// addresses. A speaker with claims is a *ConflictError (merge them into
// another speaker instead); one that does not exist is ErrNotFound.
// revision is the speaker's Revision as the caller read it (0: not
// checked); a stale one changes nothing (*StaleError). Reviewers and
// above may. A speaker without claims has no public page, so no public
// page changes.
func (s *Store) DeletePerson(ctx context.Context, actor *User, m Meta, id uint, revision int) error {
	if !actor.Can(RoleReviewer) {
		return fmt.Errorf("delete person: %w", ErrForbidden)
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		p, err := s.lockPerson(tx, id, "UPDATE")
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&Claim{}).Where("person_id = ?", id).Count(&n).Error; err != nil {
			return fmt.Errorf("count claims of person %d: %w", id, err)
		}
		if n > 0 {
			return &ConflictError{Reason: NewReason("reasons.speaker_has_claims", "{{.Name}} has {{.Claims}}, so the speaker cannot be deleted. Merge the speaker into another one instead.",
				"Name", p.Name, "Claims", claimsCount(n))}
		}
		if err := checkRevision(speakerWhat(id), revision, p.Revision); err != nil {
			return err
		}
		if err := tx.Where("person_id = ?", id).Delete(&PersonRedirect{}).Error; err != nil {
			return fmt.Errorf("remove redirects of person %d: %w", id, err)
		}
		if err := tx.Delete(&Person{}, id).Error; err != nil {
			return fmt.Errorf("remove person %d: %w", id, err)
		}
		return s.audit(tx, m, event{actor: actor, action: "person.delete", objectType: "person", objectID: id, before: p.view()})
	})
}

// claimsCount says how many claims n is: "1 claim", "3 claims".
func claimsCount(n int64) Reason {
	return NewCountReason("reasons.claims_count", int(n), "{{.Count}} claim", "{{.Count}} claims")
}

// reasonAnotherSpeakersName: a speaker renamed to another speaker's name.
var reasonAnotherSpeakersName = NewReason("reasons.another_speakers_name", "is another speaker's name: merge the two speakers instead")
