package models

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"
)

// Appearances: the works a claim appeared in (schema.org Claim's
// appearance and firstAppearance, which Google's fact-check markup reads
// as where the claim was made or repeated).

// MaxAppearances is how many appearances one claim may list, the article
// it was logged from included.
const MaxAppearances = 20

// MaxAppearanceWhere is the longest Where of an appearance, in characters.
const MaxAppearanceWhere = 300

// Appearance is one work in which a claim appeared: a hearing's transcript,
// an interview, a post, the article the claim was logged from.
type Appearance struct {
	ID      uint
	ClaimID uint
	// URL is where the work can be read, seen or heard: an http(s) URL.
	URL string `gorm:"column:url"`
	// Date is the day the claim appeared there, nil when not known.
	Date *time.Time `gorm:"column:appeared_on"`
	// Where says in words where the claim appeared ("Senate confirmation
	// hearing", "Fox News interview"; for an article, its outlet); the
	// column is venue, since WHERE is an SQL keyword.
	Where     string `gorm:"column:venue"`
	CreatedAt time.Time
}

// AppearanceInput is one appearance as an editor gives it.
type AppearanceInput struct {
	URL   string `json:"url"`   // required, an http(s) URL
	Date  string `json:"date"`  // YYYY-MM-DD, optional
	Where string `json:"where"` // optional, at most MaxAppearanceWhere characters
}

// AppearanceField names a member ("url", "date", "where") of the i-th
// appearance of a list, counted from 0, as validation errors name it:
// "appearances[2].url". A whole list's error is named "appearances".
func AppearanceField(i int, member string) string {
	return "appearances[" + strconv.Itoa(i) + "]." + member
}

// AppearanceInputs turns stored appearances back into inputs, in order, so
// that a list can be edited and given again.
func AppearanceInputs(list []Appearance) []AppearanceInput {
	out := make([]AppearanceInput, 0, len(list))
	for _, a := range list {
		out = append(out, AppearanceInput{URL: a.URL, Date: FormatDate(a.Date), Where: a.Where})
	}
	return out
}

// validateAppearances checks and normalises list in place, recording each
// refused member in v, and returns the appearances to store, in the order
// given. A URL may be listed once.
func validateAppearances(v *Validator, list []AppearanceInput, today time.Time) []Appearance {
	if len(list) > MaxAppearances {
		v.Fail("appearances", ReasonMaxItems(MaxAppearances))
		return nil
	}
	out := make([]Appearance, 0, len(list))
	seen := map[string]bool{}
	for i := range list {
		in := &list[i]
		v.url(AppearanceField(i, "url"), &in.URL, true)
		date := v.date(AppearanceField(i, "date"), in.Date, today)
		v.text(AppearanceField(i, "where"), &in.Where, false, MaxAppearanceWhere)
		if in.URL != "" && seen[in.URL] {
			v.Fail(AppearanceField(i, "url"), NewReason("reasons.listed_twice", "is listed twice"))
		}
		seen[in.URL] = true
		out = append(out, Appearance{URL: in.URL, Date: date, Where: in.Where})
	}
	return out
}

// appearanceView is what the audit log records of an appearance.
type appearanceView struct {
	URL   string `json:"url"`
	Date  string `json:"date,omitempty"`
	Where string `json:"where,omitempty"`
}

func appearanceViews(list []Appearance) []appearanceView {
	var out []appearanceView
	for _, a := range list {
		out = append(out, appearanceView{URL: a.URL, Date: FormatDate(a.Date), Where: a.Where})
	}
	return out
}

// SortAppearances puts appearances in the order a claim lists them: by
// date, earliest first; those without a date last; each tie in the order
// they were logged.
func SortAppearances(list []Appearance) {
	slices.SortStableFunc(list, compareAppearances)
}

// compareAppearances orders two appearances as SortAppearances does.
func compareAppearances(a, b Appearance) int {
	switch {
	case a.Date == nil && b.Date == nil:
	case a.Date == nil:
		return 1
	case b.Date == nil:
		return -1
	default:
		if c := a.Date.Compare(*b.Date); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.ID, b.ID)
}

// appearanceOrder is SortAppearances as SQL, for loading.
const appearanceOrder = "appeared_on IS NULL, appeared_on, id"

// FirstAppearance is the claim's earliest appearance by date, its
// schema.org firstAppearance ("the first known occurrence"): the first in
// SortAppearances' order, so when none is dated, the first logged. Nil
// when the claim lists none.
func (c *Claim) FirstAppearance() *Appearance {
	if len(c.Appearances) == 0 {
		return nil
	}
	first := &c.Appearances[0]
	for i := range c.Appearances[1:] {
		if a := &c.Appearances[i+1]; compareAppearances(*a, *first) < 0 {
			first = a
		}
	}
	return first
}

// claimArticle reads the article a claim was logged from, or nil when the
// claim names none, or one that no longer exists.
func claimArticle(tx *gorm.DB, id *uint) (*Article, error) {
	if id == nil {
		return nil, nil
	}
	var a Article
	err := tx.Select("id, url, outlet, published_at").Where("id = ?", *id).Take(&a).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find article: %w", err)
	}
	return &a, nil
}

// setAppearances replaces the appearances of claim c with list (validated,
// in the order given) and, when c was logged from article (nil for none),
// the article's: its URL, published date and outlet, unless list already
// holds its URL, in which case that one is kept as given. c.Appearances
// ends in the claim's order.
func setAppearances(tx *gorm.DB, c *Claim, list []Appearance, article *Article) error {
	if err := tx.Where("claim_id = ?", c.ID).Delete(&Appearance{}).Error; err != nil {
		return fmt.Errorf("clear appearances: %w", err)
	}
	if article != nil && !slices.ContainsFunc(list, func(a Appearance) bool { return a.URL == article.URL }) {
		list = append(list, Appearance{URL: article.URL, Date: article.PublishedAt, Where: article.Outlet})
	}
	if len(list) > MaxAppearances {
		return Invalid("appearances", reasonAppearancesBesidesArticle())
	}
	for i := range list {
		list[i].ID, list[i].ClaimID = 0, c.ID
	}
	if len(list) > 0 {
		if err := tx.Create(&list).Error; err != nil {
			return fmt.Errorf("set appearances: %w", err)
		}
	}
	SortAppearances(list)
	c.Appearances = list
	return nil
}

// reasonAppearancesBesidesArticle says that a claim lists more appearances
// than fit beside the article it was logged from, which is always one.
func reasonAppearancesBesidesArticle() Reason {
	return NewReason("reasons.appearances_besides_article",
		"must be at most {{.Max}} besides the article the claim was logged from", "Max", MaxAppearances-1)
}
