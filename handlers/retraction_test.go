package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A retracted fact-check keeps its page, banner and note, but its rating is
// withdrawn everywhere: the page says what it was, never as a current badge,
// and carries no ClaimReview; the DataFeed leaves it out; the public API
// gives no current rating; lists and feeds say "Retracted" alone. A second,
// published fact-check shows that none of this touches the others.
func TestRetractionWithdrawsTheRatingEverywhere(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			n := newNewsroom(t, e.testServer)
			river := n.publish(t, models.ClaimInput{Text: "The river is the cleanest it has been in fifty years",
				Summary: "Sessions says the river is the cleanest in fifty years", Speaker: "Jeff Sessions", SaidAt: "2017-02-01",
				Tags: []string{"russia"}}, "true", "The agency's own samples agree.", seedSources()...)
			kept := n.publish(t, seedInput(), "false", "He met the ambassador twice.", seedSources()...)
			if _, err := e.store.RetractClaim(context.Background(), n.rev, models.Meta{}, river.ID, "The samples were from another river."); err != nil {
				t.Fatal(err)
			}
			cl := e.client(t)

			// The page: banner and note, the rating as withdrawn, no badge,
			// no ClaimReview, no rating in the description.
			d := doc(t, e.get(t, cl, "/claims/"+river.Slug).body)
			if got := flat(d.Find(".retraction")); !strings.Contains(got, "Retracted on") || !strings.Contains(got, "The samples were from another river.") {
				t.Errorf("banner = %q", got)
			}
			if got := flat(d.Find(".verdict-box .verdict-line")); got != "Rating withdrawn Was rated True: retracted" {
				t.Errorf("verdict line = %q", got)
			}
			if n := d.Find(".claim-page .badge").Length(); n != 0 {
				t.Errorf("the retracted page shows %d rating badges: %v", n, texts(d.Find(".claim-page .badge")))
			}
			if got := flat(d.Find(".tl-verdict")); !strings.Contains(got, "rated the claim True (withdrawn)") {
				t.Errorf("timeline verdict = %q", got)
			}
			if n := d.Find(`script[type="application/ld+json"]`).Length(); n != 0 {
				t.Errorf("the retracted page carries %d JSON-LD scripts", n)
			}
			for _, sel := range []string{`meta[name="description"]`, `meta[property="og:description"]`} {
				if got, _ := d.Find(sel).Attr("content"); strings.Contains(got, "rating") || !strings.Contains(got, "retracted") {
					t.Errorf("%s = %q", sel, got)
				}
			}
			// The published one still has its badge and ClaimReview.
			kd := doc(t, e.get(t, cl, "/claims/"+kept.Slug).body)
			if got := flat(kd.Find(".verdict-box .badge.r-false")); got != "False" || kd.Find(`script[type="application/ld+json"]`).Length() != 1 {
				t.Errorf("published page: badge %q, JSON-LD %d", got, kd.Find(`script[type="application/ld+json"]`).Length())
			}

			// The DataFeed holds the published fact-check only.
			var feed struct {
				Elements []struct {
					URL string `json:"url"`
				} `json:"dataFeedElement"`
			}
			if err := json.Unmarshal([]byte(e.get(t, cl, "/claimreview.json").body), &feed); err != nil {
				t.Fatal(err)
			}
			if len(feed.Elements) != 1 || feed.Elements[0].URL != e.URL+"/claims/"+kept.Slug {
				t.Errorf("DataFeed = %+v", feed.Elements)
			}

			// The public API: status, no current rating, the withdrawn one,
			// no ClaimReview.
			apiExpect(t, "retracted claim", e.call(t, asNone, "GET", "/api/v1/public/claims/"+river.Slug, ""), 200, map[string]any{
				"status": "retracted", "retracted_at": apiStamp, "verdict.rating": nil,
				"verdict.withdrawn_rating": map[string]any{"slug": "true", "label": "True"}, "claim_review": nil,
				"corrections.0.kind": "retraction", "corrections.0.note": "The samples were from another river."})
			apiExpect(t, "published claim", e.call(t, asNone, "GET", "/api/v1/public/claims/"+kept.Slug, ""), 200, map[string]any{
				"status": "published", "retracted_at": nil, "verdict.rating": map[string]any{"slug": "false", "label": "False"},
				"verdict.withdrawn_rating": nil, "claim_review.@type": "ClaimReview"})
			apiExpect(t, "list", e.call(t, asNone, "GET", "/api/v1/public/claims", ""), 200, map[string]any{
				"claims.#": 2, "claims.0.slug": kept.Slug, "claims.0.rating.slug": "false", "claims.0.withdrawn_rating": nil,
				"claims.1.slug": river.Slug, "claims.1.status": "retracted", "claims.1.rating": nil, "claims.1.withdrawn_rating.slug": "true"})
			// Nor is it listed under the rating it no longer has.
			apiExpect(t, "rating filter", e.call(t, asNone, "GET", "/api/v1/public/claims?rating=true", ""), 200, map[string]any{"claims": []any{}})

			// Lists: the retracted card says "Retracted" and shows no rating.
			for _, path := range []string{"/", "/?tag=russia", "/people/jeff-sessions", "/search?q=cleanest"} {
				ld := doc(t, e.get(t, cl, path).body)
				card := cardOf(ld, river.Slug)
				if card.Length() != 1 {
					t.Errorf("%s: %d cards of the retracted claim", path, card.Length())
					continue
				}
				if got := texts(card.Find(".badge")); len(got) != 1 || got[0] != "Retracted" || card.Find(`[class*="r-"]`).Length() != 0 {
					t.Errorf("%s: retracted card badges %v", path, got)
				}
				if k := cardOf(ld, kept.Slug); path != "/search?q=cleanest" && flat(k.Find(".badge.r-false")) != "False" {
					t.Errorf("%s: published card badge %q", path, flat(k.Find(".badge")))
				}
			}
			if got := doc(t, e.get(t, cl, "/?rating=true").body).Find(".claim-card").Length(); got != 0 {
				t.Errorf("/?rating=true lists %d fact-checks", got)
			}

			// The Atom feed says "Retracted" and names no rating.
			var atom struct {
				Entries []struct {
					Title    string `xml:"title"`
					Summary  string `xml:"summary"`
					Category []struct {
						Term string `xml:"term,attr"`
					} `xml:"category"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(e.get(t, cl, "/feed.atom").body), &atom); err != nil {
				t.Fatal(err)
			}
			if len(atom.Entries) != 2 {
				t.Fatalf("feed has %d entries", len(atom.Entries))
			}
			r := atom.Entries[1]
			if r.Title != "Retracted: Verdict on "+river.Summary || strings.Contains(r.Summary, "True") || len(r.Category) != 1 || r.Category[0].Term != "retracted" {
				t.Errorf("retracted entry = %+v", r)
			}
			if k := atom.Entries[0]; k.Title != "False: Verdict on "+kept.Summary || k.Category[0].Term != "false" {
				t.Errorf("published entry = %+v", k)
			}

			// The CSV export gives the status and no rating.
			rows, err := csv.NewReader(strings.NewReader(e.get(t, cl, "/export.csv").body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 3 || rows[1][6] != "False" || rows[2][6] != "" || rows[2][8] != "retracted" {
				t.Errorf("csv = %q", rows)
			}
		})
	}
}

// cardOf is the card of the claim with this slug in a public list.
func cardOf(d *goquery.Document, slug string) *goquery.Selection {
	return d.Find(".claim-card").FilterFunction(func(_ int, s *goquery.Selection) bool {
		href, _ := s.Find("h3 a").Attr("href")
		return href == "/claims/"+slug
	})
}

// flat is the text of sel with its white space collapsed.
func flat(sel *goquery.Selection) string { return strings.Join(strings.Fields(sel.Text()), " ") }
