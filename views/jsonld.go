package views

import (
	"encoding/json"
	"strings"
	"time"

	"claimtracker/i18n"
	"claimtracker/models"
)

// Organization is the newsroom that publishes the fact-checks.
type Organization struct {
	Name string
	URL  string
	// Zone is the newsroom's time zone, in which its publication dates
	// fall (nil is UTC).
	Zone *time.Location
	// Language is the BCP 47 tag of the site's language, which stands for
	// a fact-check's when its claim's is not known ("" is English).
	Language string
}

// ContentLanguage is the BCP 47 tag of a fact-check's language as
// machines are told it (ClaimReview's inLanguage, a feed entry's
// xml:lang): its claim's language, else the site's, else the interface's
// default (i18n.Default, English).
func (o Organization) ContentLanguage(claimLanguage string) string {
	switch {
	case claimLanguage != "":
		return claimLanguage
	case o.Language != "":
		return o.Language
	}
	return i18n.Default
}

// ClaimReviewLD is a schema.org ClaimReview, as search engines read it.
// Only properties that schema.org defines for each type are emitted.
type ClaimReviewLD struct {
	Context       string   `json:"@context,omitempty"`
	Type          string   `json:"@type"`
	URL           string   `json:"url"`
	ClaimReviewed string   `json:"claimReviewed"`
	DatePublished string   `json:"datePublished,omitempty"`
	DateModified  string   `json:"dateModified,omitempty"`
	Author        OrgLD    `json:"author"`
	ReviewRating  RatingLD `json:"reviewRating"`
	ItemReviewed  ClaimLD  `json:"itemReviewed"`
	Headline      string   `json:"headline,omitempty"`
	InLanguage    string   `json:"inLanguage,omitempty"`
}

// OrgLD is a schema.org Organization.
type OrgLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// RatingLD is a schema.org Rating. Unordered ratings carry alternateName only.
type RatingLD struct {
	Type              string `json:"@type"`
	AlternateName     string `json:"alternateName"`
	RatingValue       *int   `json:"ratingValue,omitempty"`
	BestRating        *int   `json:"bestRating,omitempty"`
	WorstRating       *int   `json:"worstRating,omitempty"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

// ClaimLD is a schema.org Claim: what was said, by whom, when and where.
// Appearance lists every work the claim appeared in (schema.org Claim's
// appearance, "an occurrence of a Claim in some CreativeWork", which may
// repeat); FirstAppearance is the earliest of them ("the first known
// occurrence").
type ClaimLD struct {
	Type            string           `json:"@type"`
	Author          SpeakerLD        `json:"author"`
	DatePublished   string           `json:"datePublished,omitempty"`
	Appearance      []CreativeWorkLD `json:"appearance,omitempty"`
	FirstAppearance *CreativeWorkLD  `json:"firstAppearance,omitempty"`
}

// SpeakerLD is the schema.org Person or Organization who made a claim.
type SpeakerLD struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// CreativeWorkLD is a work a claim appeared in: its address, its name (where
// the claim appeared, in words: "Senate confirmation hearing") and the day
// it appeared (schema.org Date, YYYY-MM-DD).
type CreativeWorkLD struct {
	Type          string `json:"@type"`
	URL           string `json:"url"`
	Name          string `json:"name,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

// CreativeWork describes an appearance as schema.org's CreativeWork.
func CreativeWork(a models.Appearance) CreativeWorkLD {
	return CreativeWorkLD{Type: "CreativeWork", URL: a.URL, Name: a.Where, DatePublished: models.FormatDate(a.Date)}
}

// RatingValues places a rating on the ordered part of the scale: the best
// rating is worth as many points as there are ordered ratings, the worst 1.
// ok is false for unordered ratings (and ratings no longer on the scale).
func RatingValues(scale []models.Rating, slug string) (value, best, worst int, ok bool) {
	var ordered []models.Rating
	for _, r := range scale {
		if r.Ordered {
			ordered = append(ordered, r)
		}
	}
	for i, r := range ordered {
		if r.Slug == slug {
			return len(ordered) - i, len(ordered), 1, true
		}
	}
	return 0, 0, 0, false
}

// ClaimReview builds the ClaimReview of a published claim. pageURL is the
// absolute URL of its public page; people is the base for speaker pages.
// Its inLanguage (schema.org CreativeWork, a BCP 47 tag) is the claim's
// language (see Organization.ContentLanguage).
func ClaimReview(c *models.Claim, v *models.Verdict, scale []models.Rating, org Organization, pageURL, personURL string) ClaimReviewLD {
	r := RatingLD{Type: "Rating", AlternateName: v.RatingLabel, RatingExplanation: v.Headline}
	if val, best, worst, ok := RatingValues(scale, v.RatingSlug); ok {
		r.RatingValue, r.BestRating, r.WorstRating = &val, &best, &worst
	}
	speaker := SpeakerLD{Type: "Person", Name: c.SpeakerName(), URL: personURL}
	if c.Person != nil && c.Person.Kind == models.KindOrganization {
		speaker.Type = "Organization"
	}
	item := ClaimLD{Type: "Claim", Author: speaker, DatePublished: models.FormatDate(c.SaidAt)}
	for _, a := range c.Appearances {
		item.Appearance = append(item.Appearance, CreativeWork(a))
	}
	if first := c.FirstAppearance(); first != nil {
		w := CreativeWork(*first)
		item.FirstAppearance = &w
	}
	out := ClaimReviewLD{
		Type: "ClaimReview", URL: pageURL, ClaimReviewed: c.Summary, Author: OrgLD{Type: "Organization", Name: org.Name, URL: org.URL},
		ReviewRating: r, ItemReviewed: item, Headline: v.Headline, InLanguage: org.ContentLanguage(c.Language),
	}
	// Dates are the days on which the newsroom published and corrected, in
	// its own time zone (schema.org Date, ISO 8601 YYYY-MM-DD).
	if v.PublishedAt != nil {
		out.DatePublished = DateIn(*v.PublishedAt, org.Zone)
	}
	if c.PublishedAt != nil {
		out.DatePublished = DateIn(*c.PublishedAt, org.Zone)
	}
	if len(c.Corrections) > 0 {
		out.DateModified = DateIn(c.Corrections[len(c.Corrections)-1].CreatedAt, org.Zone)
	}
	return out
}

// DataFeedLD is a schema.org DataFeed of ClaimReviews.
type DataFeedLD struct {
	Context         string          `json:"@context"`
	Type            string          `json:"@type"`
	Name            string          `json:"name"`
	URL             string          `json:"url"`
	DateModified    string          `json:"dateModified,omitempty"`
	DataFeedElement []ClaimReviewLD `json:"dataFeedElement"`
}

// JSONLD encodes v for a <script type="application/ld+json"> element. The
// encoder escapes <, > and & as \u003c, \u003e and \u0026, so no text in
// the data can close the script element.
func JSONLD(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}
