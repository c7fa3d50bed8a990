package handlers_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/views/ldcheck"
)

// pageClaimReview returns the ClaimReview a public claim page embeds.
func pageClaimReview(t *testing.T, ts *testServer, slug string) map[string]any {
	t.Helper()
	r := ts.get(t, ts.client(t), "/claims/"+slug)
	if r.status != http.StatusOK {
		t.Fatalf("claim page: %d", r.status)
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(doc(t, r.body).Find(`script[type="application/ld+json"]`).Text()), &ld); err != nil {
		t.Fatalf("the claim page's JSON-LD: %v", err)
	}
	return ld
}

// appearanceURLs lists the url of each CreativeWork in a ClaimReview's
// itemReviewed.appearance, in order; a single object counts as a list of one.
func appearanceURLs(t *testing.T, ld map[string]any) []string {
	t.Helper()
	item, _ := ld["itemReviewed"].(map[string]any)
	var works []any
	switch a := item["appearance"].(type) {
	case []any:
		works = a
	case map[string]any:
		works = []any{a}
	}
	var out []string
	for _, w := range works {
		m, _ := w.(map[string]any)
		if m["@type"] != "CreativeWork" {
			t.Errorf("appearance %v is not a CreativeWork", w)
		}
		u, _ := m["url"].(string)
		out = append(out, u)
	}
	return out
}

// TestClaimReviewFirstAppearanceIsTheEarliest: a claim logged from an
// article with the address where it was said lists both works as its
// appearances, and firstAppearance is the earlier of them, not a copy of
// a single appearance.
func TestClaimReviewFirstAppearanceIsTheEarliest(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			article := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/articles",
				`{"url":"https://news.example.org/2017/03/02/meetings","title":"Sessions met the ambassador","outlet":"The Daily Record",`+
					`"published_at":"2017-03-02","text":"Text of the report."}`).id(t, "id")
			created := e.must(t, http.StatusCreated, asAuthor, "POST", "/api/v1/claims",
				`{"text":"I did not have communications with the Russians","summary":"Sessions said he had no contact with Russians",`+
					`"speaker":"Jeff Sessions","said_at":"2017-01-10","appearance_url":"https://www.judiciary.senate.gov/hearing","article_id":`+apiItoa(article)+`}`)
			e.publish(t, &models.Claim{ID: created.id(t, "id")})
			ld := pageClaimReview(t, e.testServer, created.str(t, "slug"))
			want := []string{"https://www.judiciary.senate.gov/hearing", "https://news.example.org/2017/03/02/meetings"}
			if got := appearanceURLs(t, ld); !reflect.DeepEqual(got, want) {
				t.Errorf("appearance urls = %v, want %v: the hearing and the article it was logged from", got, want)
			}
			first, _ := ld["itemReviewed"].(map[string]any)["firstAppearance"].(map[string]any)
			if first["url"] != "https://www.judiciary.senate.gov/hearing" || first["datePublished"] != "2017-01-10" {
				t.Errorf("firstAppearance = %v, want the hearing of 2017-01-10", first)
			}
		})
	}
}

// TestAPIClaimAppearances: the API takes, gives back and replaces a claim's
// appearances; the article the claim is logged from is one of them; the
// older appearance_url stands for one appearance; refused lists change
// nothing and name the member at fault; and the published claim's page,
// public API and ClaimReview feed list every appearance, with the earliest
// as firstAppearance, in properties schema.org defines.
func TestAPIClaimAppearances(t *testing.T) {
	vocab, err := ldcheck.Load("../views/testdata/schemaorg.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			article := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/articles",
				`{"url":"https://news.example.org/2017/03/02/meetings","title":"Sessions met the ambassador","outlet":"The Daily Record",`+
					`"published_at":"2017-03-02","text":"Text of the report."}`).id(t, "id")
			hearing := map[string]any{"url": "https://www.judiciary.senate.gov/hearing", "date": "2017-01-10", "where": "Senate confirmation hearing"}
			fromArticle := map[string]any{"url": "https://news.example.org/2017/03/02/meetings", "date": "2017-03-02", "where": "The Daily Record"}
			interview := map[string]any{"url": "https://example.org/interview", "date": "2017-03-05", "where": "Fox News interview"}
			clip := map[string]any{"url": "https://example.org/clip", "date": nil, "where": ""}

			r := e.call(t, asAuthor, "POST", "/api/v1/claims", `{"text":"I did not have communications with the Russians",`+
				`"summary":"Sessions said he had no contact with Russians","speaker":"Jeff Sessions","said_at":"2017-01-10","article_id":`+apiItoa(article)+`,`+
				`"appearances":[{"url":"https://example.org/clip"},{"url":" https://example.org/interview ","date":"2017-03-05","where":"Fox News interview"},`+
				`{"url":"https://www.judiciary.senate.gov/hearing","date":"2017-01-10","where":"Senate confirmation hearing"}]}`)
			all := map[string]any{"appearances": []any{hearing, fromArticle, interview, clip}, "appearance_url": hearing["url"]}
			apiExpect(t, "log a claim with appearances", r, http.StatusCreated, all)
			id := r.id(t, "id")
			slug := r.str(t, "slug")
			apiExpect(t, "read it", e.call(t, asEditor, "GET", apiPath("/claims/%d", id), ""), http.StatusOK, all)
			apiExpect(t, "list it", e.call(t, asEditor, "GET", "/api/v1/claims", ""), http.StatusOK, map[string]any{
				"claims.0.appearances": all["appearances"], "claims.0.appearance_url": hearing["url"]})

			// Refused lists name the member at fault and change nothing.
			notURL := "must be an http or https URL"
			before := e.auditCount(t)
			for _, tc := range []struct{ name, body, field, why string }{
				{"a bad address", `{"appearances":[{"url":"https://example.org/a"},{"url":"ftp://example.org/b"}]}`, "appearances[1].url", notURL},
				{"a bad date", `{"appearances":[{"url":"https://example.org/a","date":"10/01/2017"}]}`, "appearances[0].date", "must be a date like 2017-01-10"},
				{"no address", `{"appearances":[{"where":"A rally"}]}`, "appearances[0].url", "is required"},
				{"an address twice", `{"appearances":[{"url":"https://example.org/a"},{"url":"https://example.org/a"}]}`, "appearances[1].url", "is listed twice"},
				{"an unknown member", `{"appearances":[{"url":"https://example.org/a","when":"today"}]}`, "appearances[0].when", "is not a known field"},
				{"a member of the wrong type", `{"appearances":[{"url":"https://example.org/a","date":20170110}]}`, "appearances[0].date", "must be a string"},
				{"a control character", `{"appearances":[{"url":"https://example.org/a","where":"A\u0007rally"}]}`, "appearances[0].where", "must not contain control characters (U+0007)"},
				{"not a list", `{"appearances":"https://example.org/a"}`, "appearances", "must be a list of objects"},
				{"not an object", `{"appearances":["https://example.org/a"]}`, "appearances[0]", "must be an object"},
				{"appearance_url not among them", `{"appearances":[{"url":"https://example.org/a"}],"appearance_url":"https://example.org/b"}`,
					"appearance_url", "must be the url of one of the appearances sent, or left out"},
				{"appearance_url alone, not a URL", `{"appearance_url":"javascript:alert(1)"}`, "appearance_url", notURL},
			} {
				// The whole of fields: a member's name holds dots, which apiInvalid's paths split.
				apiExpect(t, tc.name, e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id), tc.body), http.StatusUnprocessableEntity,
					map[string]any{"error.code": "invalid", "error.fields": map[string]string{tc.field: tc.why}})
			}
			if n := e.auditCount(t); n != before {
				t.Errorf("refused lists wrote %d audit events", n-before)
			}
			apiExpect(t, "unchanged", e.call(t, asEditor, "GET", apiPath("/claims/%d", id), ""), http.StatusOK, all)

			// A list sent replaces the claim's; the article's stays. A claim
			// read from the API and sent back, appearance_url and all, is taken.
			rally := map[string]any{"url": "https://example.org/rally", "date": "2016-10-01", "where": "Campaign rally"}
			apiExpect(t, "replace the list", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id),
				`{"appearances":[{"url":"https://example.org/rally","date":"2016-10-01","where":"Campaign rally"}],"appearance_url":"https://example.org/rally"}`),
				http.StatusOK, map[string]any{"appearances": []any{rally, fromArticle}, "appearance_url": rally["url"]})
			// appearance_url alone: one appearance, on the day the claim was said.
			speech := map[string]any{"url": "https://example.org/speech", "date": "2017-01-10", "where": ""}
			apiExpect(t, "appearance_url alone", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id), `{"appearance_url":"https://example.org/speech"}`),
				http.StatusOK, map[string]any{"appearances": []any{speech, fromArticle}, "appearance_url": speech["url"]})
			apiExpect(t, "appearance_url emptied", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id), `{"appearance_url":""}`),
				http.StatusOK, map[string]any{"appearances": []any{fromArticle}, "appearance_url": fromArticle["url"]})
			apiExpect(t, "other fields leave the list", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id), `{"setting":"Under oath"}`),
				http.StatusOK, map[string]any{"appearances": []any{fromArticle}})
			apiExpect(t, "the list set again", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", id),
				`{"appearances":[{"url":"https://example.org/interview","date":"2017-03-05","where":"Fox News interview"},`+
					`{"url":"https://www.judiciary.senate.gov/hearing","date":"2017-01-10","where":"Senate confirmation hearing"}]}`),
				http.StatusOK, map[string]any{"appearances": []any{hearing, fromArticle, interview}})

			// Published: the page, the public API and the feed list them all.
			e.publish(t, &models.Claim{ID: id})
			ld := pageClaimReview(t, e.testServer, slug)
			for _, p := range vocab.Problems("ClaimReview", ld) {
				t.Error(p)
			}
			// The claim's words are English, detected as it was logged.
			if ld["inLanguage"] != "en" {
				t.Errorf("page inLanguage = %v, want en, the claim's language", ld["inLanguage"])
			}
			works := func(ws ...map[string]any) []any {
				var out []any
				for _, w := range ws {
					cw := map[string]any{"@type": "CreativeWork", "url": w["url"], "name": w["where"], "datePublished": w["date"]}
					out = append(out, cw)
				}
				return out
			}
			item, _ := ld["itemReviewed"].(map[string]any)
			if want := works(hearing, fromArticle, interview); !reflect.DeepEqual(item["appearance"], want) {
				t.Errorf("page appearance = %v\nwant %v", item["appearance"], want)
			}
			if want := works(hearing)[0]; !reflect.DeepEqual(item["firstAppearance"], want) {
				t.Errorf("page firstAppearance = %v, want %v", item["firstAppearance"], want)
			}
			page := doc(t, e.get(t, e.client(t), "/claims/"+slug).body)
			if got := texts(page.Find(".appearance-list li")); len(got) != 3 ||
				got[0] != "Senate confirmation hearing First known appearance 10 Jan 2017 · judiciary.senate.gov" ||
				got[1] != "The Daily Record 2 Mar 2017 · news.example.org" {
				t.Errorf("the page lists %q", got)
			}
			if href, _ := page.Find("figcaption a.appearance").Attr("href"); href != hearing["url"] {
				t.Errorf("where it was said links to %q", href)
			}

			pub := e.call(t, asNone, "GET", "/api/v1/public/claims/"+slug, "")
			apiExpect(t, "public API", pub, http.StatusOK, map[string]any{
				"appearances": []any{hearing, fromArticle, interview}, "appearance_url": hearing["url"],
				"claim_review.itemReviewed.appearance":      works(hearing, fromArticle, interview),
				"claim_review.itemReviewed.firstAppearance": works(hearing)[0]})

			feed := e.get(t, e.client(t), "/claimreview.json")
			var df map[string]any
			if err := json.Unmarshal([]byte(feed.body), &df); err != nil {
				t.Fatalf("feed: %v", err)
			}
			for _, p := range vocab.Problems("DataFeed", df) {
				t.Error(p)
			}
			found := false
			for _, el := range df["dataFeedElement"].([]any) {
				cr := el.(map[string]any)
				if !strings.HasSuffix(cr["url"].(string), "/claims/"+slug) {
					continue
				}
				found = true
				it := cr["itemReviewed"].(map[string]any)
				if !reflect.DeepEqual(it["appearance"], works(hearing, fromArticle, interview)) || !reflect.DeepEqual(it["firstAppearance"], works(hearing)[0]) {
					t.Errorf("feed itemReviewed = %v", it)
				}
			}
			if !found {
				t.Errorf("the feed does not hold the claim: %s", feed.body)
			}
		})
	}
}
