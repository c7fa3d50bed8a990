package views

import (
	"encoding/xml"
	"time"

	"claimtracker/models"
)

// AtomFeed is an Atom 1.0 feed (RFC 4287). Lang is its xml:lang (XML 1.0
// §2.12): the interface language its titles and summaries are written in.
type AtomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []AtomLink  `xml:"link"`
	Author  AtomPerson  `xml:"author"`
	Entries []AtomEntry `xml:"entry"`
}

// AtomLink is an Atom link element.
type AtomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

// AtomPerson names an author.
type AtomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

// AtomText is a text construct; Type "text" means it is shown as written.
type AtomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// AtomEntry is one entry of a feed. Language is the BCP 47 tag of the
// language of the claim it reports, as a Dublin Core language element
// (DCMI Metadata Terms, which RFC 4287 §6 lets an entry carry), left out
// when empty: the entry's own words are the interface's, in the feed's
// xml:lang, so an xml:lang of the claim's on the entry would mislabel them.
type AtomEntry struct {
	Language  string    `xml:"http://purl.org/dc/elements/1.1/ language,omitempty"`
	Title     AtomText  `xml:"title"`
	ID        string    `xml:"id"`
	Link      AtomLink  `xml:"link"`
	Published string    `xml:"published,omitempty"`
	Updated   string    `xml:"updated"`
	Summary   AtomText  `xml:"summary"`
	Category  []AtomCat `xml:"category,omitempty"`
}

// AtomCat is an Atom category.
type AtomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// AtomTime formats a moment as Atom requires (RFC 3339), in loc, the
// newsroom's time zone, with its offset (UTC, written Z, when nil).
func AtomTime(t time.Time, loc *time.Location) string {
	return t.In(zoneOr(loc)).Format(time.RFC3339)
}

// EncodeXML writes v as an XML document.
func EncodeXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// URLSet is a sitemap (sitemaps.org 0.9).
type URLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []SitemapURL `xml:"url"`
}

// SitemapURL is one page of a sitemap.
type SitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// SitemapIndex lists sitemaps when there are too many pages for one.
type SitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []SitemapURL `xml:"sitemap"`
}

// ClaimReviewOf builds the ClaimReview of a public list item, for feeds that
// carry every fact-check without loading each in full.
func ClaimReviewOf(it models.PublicItem, scale []models.Rating, org Organization, pageURL, personURL string) ClaimReviewLD {
	c := &models.Claim{Slug: it.Slug, Summary: it.Summary, Language: it.Language, SaidAt: it.SaidAt, PublishedAt: it.PublishedAt, Appearances: it.Appearances,
		Person: &models.Person{Name: it.PersonName, Slug: it.PersonSlug, Kind: it.PersonKind}}
	if it.CorrectedAt != nil {
		c.Corrections = []models.Correction{{CreatedAt: *it.CorrectedAt}}
	}
	v := &models.Verdict{RatingSlug: it.RatingSlug, RatingLabel: it.RatingLabel, Headline: it.Headline}
	return ClaimReview(c, v, scale, org, pageURL, personURL)
}
