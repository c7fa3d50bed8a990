package views

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/views/ldcheck"
)

// vocabulary is the schema.org vocabulary, with a check that reports each
// problem as a test error.
type vocabulary struct{ ldcheck.Vocabulary }

func loadVocabulary(t *testing.T) vocabulary {
	t.Helper()
	v, err := ldcheck.Load("testdata/schemaorg.json")
	if err != nil {
		t.Fatal(err)
	}
	return vocabulary{v}
}

// check fails for every property that schema.org does not define for the
// type of the node it sits on, at any depth.
func (v vocabulary) check(t *testing.T, path string, node any) {
	t.Helper()
	for _, p := range v.Problems(path, node) {
		t.Error(p)
	}
}

func day(s string) *time.Time {
	t, _ := time.Parse(models.DateLayout, s)
	return &t
}

func defaultScale() []models.Rating {
	var out []models.Rating
	for i, s := range []string{"true", "mostly-true", "half-true", "misleading", "mostly-false", "false"} {
		out = append(out, models.Rating{Slug: s, Label: s, Position: i + 1, Ordered: true})
	}
	return append(out, models.Rating{Slug: "unproven", Label: "Unproven", Position: 7})
}

func seedClaim(kind models.PersonKind) (*models.Claim, *models.Verdict) {
	pub := time.Date(2017, 3, 3, 12, 0, 0, 0, time.UTC)
	c := &models.Claim{
		Slug: "sessions-russians", Summary: "Sessions said he had no communications with the Russians",
		Text: "I did not have communications with the Russians", SaidAt: day("2017-01-10"), PublishedAt: &pub,
		Appearances: []models.Appearance{{ID: 1, URL: "https://www.judiciary.senate.gov/hearing", Date: day("2017-01-10"), Where: "Senate confirmation hearing"}},
		Person:      &models.Person{Name: "Jeff Sessions", Slug: "jeff-sessions", Kind: kind},
	}
	v := &models.Verdict{RatingSlug: "false", RatingLabel: "False", Headline: "He met the ambassador twice </script><script>alert(1)</script>", PublishedAt: &pub}
	return c, v
}

func TestClaimReviewFieldByField(t *testing.T) {
	vocab := loadVocabulary(t)
	org := Organization{Name: "The Daily Check", URL: "https://check.example.org"}
	c, v := seedClaim(models.KindPerson)
	c.Corrections = []models.Correction{{CreatedAt: time.Date(2017, 3, 9, 8, 0, 0, 0, time.UTC)}}
	c.Language = "pt-BR"
	ld := ClaimReview(c, v, defaultScale(), org, "https://check.example.org/claims/sessions-russians", "https://check.example.org/people/jeff-sessions")
	ld.Context = "https://schema.org"
	s, err := JSONLD(ld)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s, "</script>") || strings.Contains(s, "<script") {
		t.Fatalf("JSON-LD can close its script element: %s", s)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	vocab.check(t, "ClaimReview", got)
	want := map[string]any{
		"@context": "https://schema.org", "@type": "ClaimReview",
		"url":           "https://check.example.org/claims/sessions-russians",
		"claimReviewed": "Sessions said he had no communications with the Russians",
		"datePublished": "2017-03-03", "dateModified": "2017-03-09",
		"inLanguage": "pt-BR",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	author := got["author"].(map[string]any)
	if author["@type"] != "Organization" || author["name"] != "The Daily Check" || author["url"] != "https://check.example.org" {
		t.Errorf("author = %v", author)
	}
	r := got["reviewRating"].(map[string]any)
	// False is the 6th of 6 ordered ratings: value 1, best 6, worst 1.
	if r["alternateName"] != "False" || r["ratingValue"] != 1.0 || r["bestRating"] != 6.0 || r["worstRating"] != 1.0 || !strings.HasPrefix(r["ratingExplanation"].(string), "He met the ambassador twice") {
		t.Errorf("reviewRating = %v", r)
	}
	item := got["itemReviewed"].(map[string]any)
	sp := item["author"].(map[string]any)
	if item["@type"] != "Claim" || item["datePublished"] != "2017-01-10" || sp["@type"] != "Person" || sp["name"] != "Jeff Sessions" {
		t.Errorf("itemReviewed = %v", item)
	}
	hearing := map[string]any{"@type": "CreativeWork", "url": "https://www.judiciary.senate.gov/hearing", "name": "Senate confirmation hearing", "datePublished": "2017-01-10"}
	if app, _ := item["appearance"].([]any); len(app) != 1 || !reflect.DeepEqual(app[0], hearing) || !reflect.DeepEqual(item["firstAppearance"], hearing) {
		t.Errorf("appearance = %v, firstAppearance = %v", item["appearance"], item["firstAppearance"])
	}
}

func TestClaimReviewOrganizationSpeakerAndUnorderedRating(t *testing.T) {
	vocab := loadVocabulary(t)
	c, v := seedClaim(models.KindOrganization)
	c.Appearances = nil
	v.RatingSlug, v.RatingLabel = "unproven", "Unproven"
	ld := ClaimReview(c, v, defaultScale(), Organization{Name: "X"}, "https://x/claims/a", "https://x/people/a")
	b, _ := json.Marshal(ld)
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	vocab.check(t, "ClaimReview", got)
	r := got["reviewRating"].(map[string]any)
	if _, ok := r["ratingValue"]; ok || r["alternateName"] != "Unproven" || r["bestRating"] != nil || r["worstRating"] != nil {
		t.Errorf("unordered rating = %v", r)
	}
	item := got["itemReviewed"].(map[string]any)
	if item["author"].(map[string]any)["@type"] != "Organization" || item["appearance"] != nil || item["firstAppearance"] != nil || got["dateModified"] != nil {
		t.Errorf("organization claim = %v", got)
	}
	// The scale decides best and worst: with three ordered ratings, the middle one is 2 of 3.
	scale := []models.Rating{{Slug: "a", Ordered: true}, {Slug: "b", Ordered: true}, {Slug: "x"}, {Slug: "c", Ordered: true}}
	if val, best, worst, ok := RatingValues(scale, "b"); !ok || val != 2 || best != 3 || worst != 1 {
		t.Errorf("RatingValues(b) = %d %d %d %v", val, best, worst, ok)
	}
	if _, _, _, ok := RatingValues(scale, "x"); ok {
		t.Error("unordered rating got a value")
	}
}

func TestDataFeedUsesOnlySchemaOrgProperties(t *testing.T) {
	vocab := loadVocabulary(t)
	c, v := seedClaim(models.KindPerson)
	feed := DataFeedLD{Context: "https://schema.org", Type: "DataFeed", Name: "Fact-checks", URL: "https://x/claimreview.json", DateModified: "2017-03-09",
		DataFeedElement: []ClaimReviewLD{ClaimReview(c, v, defaultScale(), Organization{Name: "X"}, "https://x/claims/a", "https://x/people/a")}}
	b, _ := json.Marshal(feed)
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	vocab.check(t, "DataFeed", got)
	// The checker itself must catch a wrong property.
	inner := &testing.T{}
	vocab.check(inner, "x", map[string]any{"@type": "Rating", "claimReviewed": "no"})
	if !inner.Failed() {
		t.Fatal("the vocabulary check let claimReviewed sit on a Rating")
	}
}

// TestClaimReviewListsEveryAppearance: the Claim lists each work it
// appeared in, and its firstAppearance is the earliest by date, whatever
// the order the appearances were logged in; undated ones count as later
// than any dated one. Every property is one schema.org defines for the
// node it sits on.
func TestClaimReviewListsEveryAppearance(t *testing.T) {
	vocab := loadVocabulary(t)
	c, v := seedClaim(models.KindPerson)
	c.Appearances = []models.Appearance{
		{ID: 4, URL: "https://example.org/undated-post"},
		{ID: 5, URL: "https://example.org/interview", Date: day("2017-03-05"), Where: "Fox News interview"},
		{ID: 6, URL: "https://www.judiciary.senate.gov/hearing", Date: day("2017-01-10"), Where: "Senate confirmation hearing"},
		{ID: 7, URL: "https://example.org/article", Date: day("2017-03-02"), Where: "The Washington Post"},
	}
	ld := ClaimReview(c, v, defaultScale(), Organization{Name: "X"}, "https://x/claims/a", "https://x/people/a")
	ld.Context = "https://schema.org"
	b, err := json.Marshal(ld)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	vocab.check(t, "ClaimReview", got)
	item := got["itemReviewed"].(map[string]any)
	var urls []string
	for _, a := range item["appearance"].([]any) {
		work := a.(map[string]any)
		if work["@type"] != "CreativeWork" {
			t.Errorf("appearance %v is not a CreativeWork", work)
		}
		urls = append(urls, work["url"].(string))
	}
	want := []string{"https://example.org/article", "https://example.org/interview", "https://example.org/undated-post", "https://www.judiciary.senate.gov/hearing"}
	if slices.Sort(urls); !reflect.DeepEqual(urls, want) {
		t.Errorf("appearance urls = %v, want %v", urls, want)
	}
	first, _ := item["firstAppearance"].(map[string]any)
	wantFirst := map[string]any{"@type": "CreativeWork", "url": "https://www.judiciary.senate.gov/hearing", "name": "Senate confirmation hearing", "datePublished": "2017-01-10"}
	if !reflect.DeepEqual(first, wantFirst) {
		t.Errorf("firstAppearance = %v, want %v", first, wantFirst)
	}
	// With no date known, the first logged is the first known.
	c.Appearances = []models.Appearance{{ID: 9, URL: "https://example.org/b"}, {ID: 8, URL: "https://example.org/a"}}
	if f := ClaimReview(c, v, defaultScale(), Organization{Name: "X"}, "https://x/claims/a", "https://x/people/a").ItemReviewed.FirstAppearance; f == nil || f.URL != "https://example.org/a" {
		t.Errorf("undated firstAppearance = %v, want https://example.org/a", f)
	}
}

// TestClaimReviewInLanguageFollowsTheClaim: inLanguage is the claim's
// language; when it is not known, the site's; when neither is, English. The
// feeds' ClaimReviews, built from list items, say the same.
func TestClaimReviewInLanguageFollowsTheClaim(t *testing.T) {
	vocab := loadVocabulary(t)
	for _, tc := range []struct{ claim, site, want string }{
		{"ar", "fr", "ar"}, {"zh-Hant", "", "zh-Hant"}, {"", "fr", "fr"}, {"", "", "en"},
	} {
		c, v := seedClaim(models.KindPerson)
		c.Language = tc.claim
		org := Organization{Name: "X", Language: tc.site}
		ld := ClaimReview(c, v, defaultScale(), org, "https://x/claims/a", "https://x/people/a")
		b, _ := json.Marshal(ld)
		var got map[string]any
		_ = json.Unmarshal(b, &got)
		vocab.check(t, "ClaimReview", got)
		if got["inLanguage"] != tc.want {
			t.Errorf("claim %q, site %q: inLanguage = %v, want %s", tc.claim, tc.site, got["inLanguage"], tc.want)
		}
		it := models.PublicItem{Slug: "a", Summary: c.Summary, Language: tc.claim, PersonName: "P", RatingSlug: "false", RatingLabel: "False"}
		if of := ClaimReviewOf(it, defaultScale(), org, "https://x/claims/a", "https://x/people/a"); of.InLanguage != tc.want {
			t.Errorf("claim %q, site %q: the feed's inLanguage = %q, want %s", tc.claim, tc.site, of.InLanguage, tc.want)
		}
	}
}
