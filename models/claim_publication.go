package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ClaimPublication keeps one published version of a fact-check as the
// public saw it: number 1 is the first publication, and each published
// update adds the next. Snapshot is a PublishedVersion in JSON.
type ClaimPublication struct {
	ID          uint
	ClaimID     uint
	Number      int
	UpdateID    *uint
	PublishedAt time.Time
	Snapshot    string
}

// PublishedVersion is what one published version of a fact-check said:
// the claim's fields, its sources, its verdict, and the public note of the
// update that made it ("" for the first publication).
type PublishedVersion struct {
	Number      int               `json:"number"`
	PublishedAt time.Time         `json:"published_at"`
	Text        string            `json:"text"`
	Summary     string            `json:"summary"`
	Speaker     string            `json:"speaker"`
	SaidAt      string            `json:"said_at,omitempty"`
	Setting     string            `json:"setting,omitempty"`
	Language    string            `json:"language,omitempty"`
	Tags        []string          `json:"tags"`
	Appearances []AppearanceInput `json:"appearances"`
	Sources     []UpdateSource    `json:"sources"`
	Rating      string            `json:"rating"`
	RatingLabel string            `json:"rating_label"`
	Headline    string            `json:"headline"`
	Explanation string            `json:"explanation"`
	// VerdictLanguage is the verdict's language tag.
	VerdictLanguage string `json:"verdict_language,omitempty"`
	Note            string `json:"note,omitempty"`
}

// versionOf is what claim c (loaded with its sources and verdicts) shows
// the public now.
func versionOf(c *Claim) PublishedVersion {
	out := PublishedVersion{Text: c.Text, Summary: c.Summary, Speaker: c.SpeakerName(), SaidAt: FormatDate(c.SaidAt),
		Setting: c.Setting, Language: c.Language, Tags: c.TagNames(), Appearances: AppearanceInputs(c.Appearances), Sources: []UpdateSource{}}
	for i := range c.Sources {
		out.Sources = append(out.Sources, sourceOfUpdate(&c.Sources[i]))
	}
	if v := c.CurrentVerdict(); v != nil {
		out.Rating, out.RatingLabel, out.Headline, out.Explanation = v.RatingSlug, v.RatingLabel, v.Headline, v.Explanation
		out.VerdictLanguage = v.Language
	}
	return out
}

// loadVersionOf reads claim id with what versionOf takes from it: its
// speaker, tags, sources (in loadClaim's order), verdicts and
// appearances; not the sources' archives and files, the verdicts' reviews
// and versions, nor the corrections, which loadClaim reads too and a
// publication, which reads this once or twice, would read for nothing.
func loadVersionOf(tx *gorm.DB, id uint) (*Claim, error) {
	var c Claim
	err := tx.Preload("Person").Preload("Tags").
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("published_at IS NULL, published_at, id") }).
		Preload("Verdicts", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Appearances", func(db *gorm.DB) *gorm.DB { return db.Order(appearanceOrder) }).
		Where("claims.id = ?", id).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("claim: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load claim %d: %w", id, err)
	}
	return &c, nil
}

// recordPublication keeps what claim id shows the public now as its next
// published version, made by update u (nil for the first publication).
// When an older claim published before versions were kept has none yet,
// before is kept first as number 1.
func (s *Store) recordPublication(tx *gorm.DB, id uint, u *ClaimUpdate, before *PublishedVersion, at time.Time) error {
	var last int
	if err := tx.Model(&ClaimPublication{}).Where("claim_id = ?", id).Select("COALESCE(MAX(number), 0)").Scan(&last).Error; err != nil {
		return fmt.Errorf("last publication of claim %d: %w", id, err)
	}
	if last == 0 && before != nil {
		last = 1
		if err := insertPublication(tx, id, *before, nil); err != nil {
			return err
		}
	}
	c, err := loadVersionOf(tx, id)
	if err != nil {
		return err
	}
	now := versionOf(c)
	now.Number, now.PublishedAt = last+1, at
	var updateID *uint
	if u != nil {
		now.Note, updateID = u.Note, &u.ID
	}
	return insertPublication(tx, id, now, updateID)
}

func insertPublication(tx *gorm.DB, claimID uint, v PublishedVersion, updateID *uint) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("publication %d of claim %d: %w", v.Number, claimID, err)
	}
	row := &ClaimPublication{ClaimID: claimID, Number: v.Number, UpdateID: updateID, PublishedAt: v.PublishedAt.UTC(), Snapshot: string(b)}
	if err := tx.Create(row).Error; err != nil {
		return fmt.Errorf("record publication %d of claim %d: %w", v.Number, claimID, err)
	}
	return nil
}

// ClaimPublications lists every published version of a claim, oldest
// first. A claim published before versions were kept, and never updated
// since, has none.
func (s *Store) ClaimPublications(ctx context.Context, claimID uint) ([]PublishedVersion, error) {
	var rows []ClaimPublication
	if err := s.read(ctx).Where("claim_id = ?", claimID).Order("number").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("publications of claim %d: %w", claimID, err)
	}
	out := make([]PublishedVersion, 0, len(rows))
	for _, r := range rows {
		var v PublishedVersion
		if err := json.Unmarshal([]byte(r.Snapshot), &v); err != nil {
			return nil, fmt.Errorf("publication %d of claim %d: %w", r.Number, claimID, err)
		}
		v.Number, v.PublishedAt = r.Number, r.PublishedAt
		out = append(out, v)
	}
	return out, nil
}

// UpdateChange is one difference between a published fact-check and what
// an update proposes: Field names it for people ("The words", "Source
// added"), Before and After are the texts ("" when there was or will be
// none).
type UpdateChange struct {
	Field, Before, After string
}

// UpdateChanges lists what update u would change in the published claim c
// (loaded with its sources and verdicts), in the order the desk shows a
// claim: its fields, its sources, then the verdict.
func UpdateChanges(c *Claim, u *ClaimUpdate) []UpdateChange {
	was := versionOf(c)
	var out []UpdateChange
	diff := func(field, before, after string) {
		if before != after {
			out = append(out, UpdateChange{Field: field, Before: before, After: after})
		}
	}
	diff("The words, verbatim", was.Text, u.Text)
	diff("Summary", was.Summary, u.Summary)
	diff("Speaker", was.Speaker, u.Speaker)
	diff("Said on", was.SaidAt, FormatDate(u.SaidAt))
	diff("Setting", was.Setting, u.Setting)
	diff("Language", was.Language, u.Language)
	tags := slices.Clone(u.Tags)
	slices.Sort(tags)
	diff("Tags", strings.Join(was.Tags, ", "), strings.Join(tags, ", "))
	diff("Appearances", appearanceLines(was.Appearances), appearanceLines(u.Appearances))
	byID := map[uint]UpdateSource{}
	for _, src := range u.Sources {
		if src.SourceID != 0 {
			byID[src.SourceID] = src
		}
	}
	for _, src := range was.Sources {
		now, kept := byID[src.SourceID]
		switch {
		case !kept:
			out = append(out, UpdateChange{Field: "Source removed", Before: sourceLine(src)})
		case now != src:
			out = append(out, UpdateChange{Field: "Source changed", Before: sourceLine(src), After: sourceLine(now)})
		}
	}
	for _, src := range u.Sources {
		if src.SourceID == 0 {
			out = append(out, UpdateChange{Field: "Source added", After: sourceLine(src)})
		}
	}
	diff("Rating", was.Rating, u.Rating)
	diff("Headline", was.Headline, u.Headline)
	diff("Explanation", was.Explanation, u.Explanation)
	diff("Language of the verdict", was.VerdictLanguage, u.VerdictLanguage)
	return out
}

// appearanceLines writes appearances one to a line.
func appearanceLines(list []AppearanceInput) string {
	lines := make([]string, 0, len(list))
	for _, a := range list {
		lines = append(lines, appearanceLine(a))
	}
	return strings.Join(lines, "\n")
}

// appearanceLine sums an appearance up in one line: "Where · date · URL".
func appearanceLine(a AppearanceInput) string {
	parts := []string{}
	for _, p := range []string{a.Where, a.Date, a.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// sourceLine sums a source up in one line for a list of changes.
func sourceLine(src UpdateSource) string {
	parts := []string{src.Title}
	if src.Outlet != "" {
		parts = append(parts, src.Outlet)
	}
	if src.PublishedAt != "" {
		parts = append(parts, src.PublishedAt)
	}
	parts = append(parts, string(src.Stance), src.URL)
	if src.Excerpt != "" {
		parts = append(parts, "“"+src.Excerpt+"”")
	}
	if src.Locator != "" {
		parts = append(parts, src.Locator)
	}
	if src.Language != "" {
		parts = append(parts, src.Language)
	}
	return strings.Join(parts, " · ")
}
