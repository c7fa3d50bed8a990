package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// newsroom publishes fact-checks straight through the store.
type newsroom struct {
	ts           *testServer
	ed, rev, adm *models.User
}

func newNewsroom(t *testing.T, ts *testServer) *newsroom {
	return &newsroom{ts: ts,
		ed:  modelstest.User(t, ts.store, "pub-ed@example.org", models.RoleEditor),
		rev: modelstest.User(t, ts.store, "pub-rev@example.org", models.RoleReviewer),
		adm: modelstest.User(t, ts.store, "pub-admin@example.org", models.RoleAdmin)}
}

func (n *newsroom) publish(t *testing.T, in models.ClaimInput, rating, explanation string, sources ...models.SourceInput) *models.Claim {
	t.Helper()
	ctx, s := context.Background(), n.ts.store
	c, err := s.CreateClaim(ctx, n.ed, models.Meta{}, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range sources {
		if _, err := s.AddSource(ctx, n.ed, models.Meta{}, c.ID, src); err != nil {
			t.Fatal(err)
		}
	}
	v, err := s.ProposeVerdict(ctx, n.ed, models.Meta{}, c.ID, models.VerdictInput{Rating: rating, Headline: "Verdict on " + in.Summary, Explanation: explanation})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReviewVerdict(ctx, n.rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	return c
}

func seedSources() []models.SourceInput {
	return []models.SourceInput{
		{URL: "https://www.washingtonpost.com/report", Title: "Sessions spoke twice with the Russian ambassador", Outlet: "The Washington Post",
			PublishedAt: "2017-03-01", Kind: models.SourceNewsReport, Stance: models.StanceContradicts, Excerpt: "two conversations during the campaign"},
		{URL: "https://www.judiciary.senate.gov/hearing", Title: "Confirmation hearing transcript", Outlet: "Senate Judiciary Committee",
			PublishedAt: "2017-01-10", Kind: models.SourceTranscript, Stance: models.StanceContext, Excerpt: "I did not have communications with the Russians"},
		{URL: "https://www.justice.gov/statement", Title: "Statement by the Attorney General", Outlet: "Department of Justice",
			PublishedAt: "2017-03-02", Kind: models.SourceStatement, Stance: models.StanceContext, Excerpt: "I have no idea what this allegation is about - it is false"},
	}
}

func seedInput() models.ClaimInput {
	return models.ClaimInput{Text: "I did not have communications with the Russians", Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", Setting: "Senate confirmation hearing, under oath",
		Appearances: []models.AppearanceInput{{URL: "https://www.judiciary.senate.gov/hearing", Date: "2017-01-10", Where: "Senate confirmation hearing"}},
		Tags:        []string{"russia"}}
}

func doc(t *testing.T, body string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(sel *goquery.Selection) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) { out = append(out, strings.Join(strings.Fields(s.Text()), " ")) })
	return out
}

func TestClaimPageTimelineBadgeSourcesAndClaimReview(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "He *met* the ambassador twice.", seedSources()...)
			r := ts.get(t, ts.client(t), "/claims/"+c.Slug)
			if r.status != 200 {
				t.Fatalf("claim page: %d", r.status)
			}
			d := doc(t, r.body)
			kinds := []string{}
			d.Find("ol.timeline > li").Each(func(_ int, s *goquery.Selection) {
				cls, _ := s.Attr("class")
				kinds = append(kinds, strings.TrimPrefix(strings.Fields(cls)[1], "tl-")+" "+s.Find(".tl-date").Text())
			})
			want := "statement 10 Jan 2017,source 10 Jan 2017,source 1 Mar 2017,response 2 Mar 2017"
			if got := strings.Join(kinds[:4], ","); got != want {
				t.Fatalf("timeline:\n got %s\nwant %s", got, want)
			}
			if len(kinds) != 5 || !strings.HasPrefix(kinds[4], "verdict ") {
				t.Fatalf("timeline ends with %v, want the verdict", kinds)
			}
			if got := d.Find(".tl-source .stance").Last().Text(); got != "Contradicts" {
				t.Errorf("report stance = %q", got)
			}
			if got := strings.TrimSpace(d.Find(".verdict-box .badge").Text()); got != "False" {
				t.Errorf("badge = %q", got)
			}
			if got := d.Find(".verdict-box .prose em").Text(); got != "met" {
				t.Errorf("explanation Markdown = %q", got)
			}
			if got := texts(d.Find("ol.source-list > li > a")); len(got) != 3 || got[0] != "Confirmation hearing transcript" {
				t.Errorf("sources = %v", got)
			}
			if got := strings.TrimSpace(d.Find(".corrections, #corrections-h + p").Text()); got != "No corrections have been made to this fact-check." {
				t.Errorf("corrections = %q", got)
			}
			if got := d.Find(".claim-facts").Text(); !strings.Contains(got, "1 reviewer") {
				t.Errorf("facts = %q", got)
			}
			canon, _ := d.Find(`link[rel=canonical]`).Attr("href")
			if canon != ts.URL+"/claims/"+c.Slug {
				t.Errorf("canonical = %q", canon)
			}
			if og, _ := d.Find(`meta[property="og:title"]`).Attr("content"); og != "Verdict on "+c.Summary {
				t.Errorf("og:title = %q", og)
			}
			// The card shows the share image, large (see TestShareImage).
			if tw, _ := d.Find(`meta[name="twitter:card"]`).Attr("content"); tw != "summary_large_image" {
				t.Errorf("twitter:card = %q", tw)
			}
			scripts := d.Find(`script[type="application/ld+json"]`)
			if scripts.Length() != 1 {
				t.Fatalf("%d JSON-LD scripts", scripts.Length())
			}
			var ld map[string]any
			if err := json.Unmarshal([]byte(scripts.Text()), &ld); err != nil {
				t.Fatal(err)
			}
			if ld["@type"] != "ClaimReview" || ld["url"] != canon || ld["claimReviewed"] != c.Summary || ld["dateModified"] != nil {
				t.Errorf("ClaimReview = %v", ld)
			}
			rr := ld["reviewRating"].(map[string]any)
			if rr["alternateName"] != "False" || rr["ratingValue"] != 1.0 || rr["bestRating"] != 6.0 || rr["worstRating"] != 1.0 {
				t.Errorf("reviewRating = %v", rr)
			}
			item := ld["itemReviewed"].(map[string]any)
			if item["datePublished"] != "2017-01-10" || item["author"].(map[string]any)["name"] != "Jeff Sessions" {
				t.Errorf("itemReviewed = %v", item)
			}
		})
	}
}

func TestConditionalRequestsAndCacheInvalidationOnCorrection(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			for _, path := range []string{"/claims/" + c.Slug, "/", "/feed.atom", "/people/jeff-sessions", "/sitemap.xml", "/claimreview.json", "/methodology"} {
				first := ts.get(t, cl, path)
				etag := first.header.Get("ETag")
				if first.status != 200 || etag == "" || first.header.Get("Last-Modified") == "" {
					t.Fatalf("%s: %d etag %q", path, first.status, etag)
				}
				again := ts.do(t, cl, "GET", path, nil, map[string]string{"If-None-Match": etag})
				if again.status != http.StatusNotModified || again.body != "" {
					t.Errorf("%s repeated: %d", path, again.status)
				}
				// A date counts whole seconds, so it cannot tell two versions
				// of one second apart: only the ETag answers 304.
				since := ts.do(t, cl, "GET", path, nil, map[string]string{"If-Modified-Since": first.header.Get("Last-Modified")})
				if since.status != http.StatusOK || since.header.Get("ETag") != etag {
					t.Errorf("%s If-Modified-Since alone: %d", path, since.status)
				}
			}
			page := ts.get(t, cl, "/claims/"+c.Slug)
			if _, err := ts.store.AddCorrection(context.Background(), n.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: "We misdated the second meeting."}); err != nil {
				t.Fatal(err)
			}
			after := ts.do(t, cl, "GET", "/claims/"+c.Slug, nil, map[string]string{"If-None-Match": page.header.Get("ETag")})
			if after.status != 200 || after.header.Get("ETag") == page.header.Get("ETag") {
				t.Fatalf("after a correction: %d, same ETag %v", after.status, after.header.Get("ETag") == page.header.Get("ETag"))
			}
			d := doc(t, after.body)
			if got := d.Find("ol.corrections li").Text(); !strings.Contains(got, "We misdated the second meeting.") || !strings.Contains(got, "Correction") {
				t.Errorf("corrections log = %q", got)
			}
			if d.Find("ol.timeline li.tl-correction").Length() != 1 {
				t.Error("the correction is not on the timeline")
			}
			if !strings.Contains(d.Find(`script[type="application/ld+json"]`).Text(), `"dateModified"`) {
				t.Error("ClaimReview has no dateModified after a correction")
			}
			feed := ts.get(t, cl, "/corrections.atom")
			if !strings.Contains(feed.body, "We misdated the second meeting.") {
				t.Error("corrections feed lacks the correction")
			}
		})
	}
}

func TestRetractedClaimShowsABanner(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	if _, err := ts.store.RetractClaim(context.Background(), n.rev, models.Meta{}, c.ID, "The transcript we relied on was incomplete."); err != nil {
		t.Fatal(err)
	}
	d := doc(t, ts.get(t, ts.client(t), "/claims/"+c.Slug).body)
	banner := strings.Join(strings.Fields(d.Find(".retraction").Text()), " ")
	if !strings.Contains(banner, "Retracted on") || !strings.Contains(banner, "The transcript we relied on was incomplete.") {
		t.Fatalf("banner = %q", banner)
	}
	if home := ts.get(t, ts.client(t), "/"); !strings.Contains(home.body, `class="badge retracted"`) {
		t.Error("home does not mark the retracted claim")
	}
}

func TestDraftsAreInvisibleEverywherePublic(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			n.publish(t, seedInput(), "false", "x", seedSources()...)
			draft := models.ClaimInput{Text: "Zanzibar pineapples grow on glaciers", Summary: "Secret draft about zanzibar pineapples", Speaker: "Drafty McDraftface"}
			dc, err := ts.store.CreateClaim(context.Background(), n.ed, models.Meta{}, draft)
			if err != nil {
				t.Fatal(err)
			}
			inReview := models.ClaimInput{Text: "Quokkas vote in elections", Summary: "Claim in review about quokkas", Speaker: "Drafty McDraftface"}
			rc, _ := ts.store.CreateClaim(context.Background(), n.ed, models.Meta{}, inReview)
			if _, err := ts.store.ProposeVerdict(context.Background(), n.ed, models.Meta{}, rc.ID, models.VerdictInput{Rating: "false", Headline: "Quokka headline", Explanation: "e"}); err != nil {
				t.Fatal(err)
			}
			cl := ts.client(t)
			for _, path := range []string{"/claims/" + dc.Slug, "/claims/" + rc.Slug, "/api/v1/public/claims/" + dc.Slug, "/api/v1/public/claims/" + rc.Slug, "/people/drafty-mcdraftface"} {
				if r := ts.get(t, cl, path); r.status != 404 {
					t.Errorf("%s: %d, want 404", path, r.status)
				}
			}
			for _, path := range []string{"/", "/people", "/search?q=zanzibar", "/search?q=quokkas", "/feed.atom", "/sitemap.xml", "/claimreview.json", "/export.csv", "/api/v1/public/claims", "/api/v1/public/claims?q=quokkas"} {
				r := ts.get(t, cl, path)
				if r.status != 200 {
					t.Errorf("%s: %d", path, r.status)
				}
				if strings.HasPrefix(path, "/search") {
					// The page repeats the query; it must find nothing.
					if n := doc(t, r.body).Find(".claim-list li").Length(); n != 0 {
						t.Errorf("%s finds %d results", path, n)
					}
					continue
				}
				for _, secret := range []string{"zanzibar", "Zanzibar", "quokka", "Quokka", "Drafty"} {
					if strings.Contains(r.body, secret) {
						t.Errorf("%s shows %q", path, secret)
					}
				}
			}
		})
	}
}

func TestHostileTextIsInertOnEveryPublicPage(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	evil := `<script>alert("x")</script> "quoted" & 'single' <img src=x onerror=alert(1)>`
	in := models.ClaimInput{Text: evil, Summary: `<b>bold</b> & "quotes"`, Speaker: `Mallory <script>alert(2)</script>`, Setting: evil, Tags: []string{"<tag>"}}
	src := models.SourceInput{URL: "https://example.org/?q=<script>", Title: evil, Outlet: evil, Kind: models.SourceOther, Stance: models.StanceContext, Excerpt: evil, Locator: evil}
	c := n.publish(t, in, "false", "[click](javascript:alert(3)) <script>alert(4)</script> <a href=\"javascript:alert(5)\">x</a>", src)
	if _, err := ts.store.AddCorrection(context.Background(), n.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: evil}); err != nil {
		t.Fatal(err)
	}
	person, _ := ts.store.GetClaim(context.Background(), c.ID)
	cl := ts.client(t)
	for _, path := range []string{"/", "/claims/" + c.Slug, "/people/" + person.Person.Slug, "/people", "/search?q=alert"} {
		r := ts.get(t, cl, path)
		if r.status != 200 {
			t.Errorf("%s: %d", path, r.status)
			continue
		}
		d := doc(t, r.body)
		if n := d.Find(`script:not([type="application/ld+json"]), img, b, iframe`).Length(); n != 0 {
			t.Errorf("%s: %d injected elements", path, n)
		}
		d.Find("*").Each(func(_ int, s *goquery.Selection) {
			for _, a := range s.Nodes[0].Attr {
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", path, s.Nodes[0].Data, a.Key, a.Val)
				}
			}
		})
		if strings.Contains(r.body, "<script>alert") {
			t.Errorf("%s: raw script tag", path)
		}
	}
	// Feeds escape the text as XML; JSON escapes < and > so no HTML can
	// form; CSV is served as a download.
	for _, path := range []string{"/feed.atom", "/corrections.atom", "/claimreview.json", "/api/v1/public/claims", "/api/v1/public/claims/" + c.Slug, "/sitemap.xml"} {
		r := ts.get(t, cl, path)
		if r.status != 200 || strings.Contains(r.body, "<script") || strings.Contains(r.body, "<img") {
			t.Errorf("%s: %d, or raw markup in the body", path, r.status)
		}
		if strings.HasSuffix(path, ".atom") {
			var v struct {
				Entries []struct {
					Title string `xml:"title"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(r.body), &v); err != nil || len(v.Entries) == 0 || !strings.Contains(v.Entries[0].Title, "<") && !strings.Contains(v.Entries[0].Title, "bold") {
				t.Errorf("%s does not parse back to the text: %v %+v", path, err, v)
			}
		}
	}
	if r := ts.get(t, cl, "/export.csv"); r.header.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("CSV headers: %v", r.header)
	}
	// The words are still there, as text.
	d := doc(t, ts.get(t, cl, "/claims/"+c.Slug).body)
	if got := d.Find(".claim-quote").Text(); !strings.Contains(got, `<script>alert("x")</script>`) {
		t.Errorf("quote text = %q", got)
	}
}

func TestFeedsAreWellFormed(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	cl := ts.client(t)
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	r := ts.get(t, cl, "/feed.atom")
	if ct := r.header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("feed content type %q", ct)
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Link.Href != ts.URL+"/claims/"+c.Slug || feed.Entries[0].Title != "False: Verdict on "+c.Summary || feed.ID == "" || feed.Updated == "" {
		t.Fatalf("feed = %+v", feed)
	}
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(ts.get(t, cl, "/sitemap.xml").body), &set); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range set.URLs {
		locs = append(locs, u.Loc)
	}
	if !strings.Contains(strings.Join(locs, " "), ts.URL+"/claims/"+c.Slug) || !strings.Contains(strings.Join(locs, " "), ts.URL+"/people/jeff-sessions") {
		t.Fatalf("sitemap = %v", locs)
	}
	var dataFeed map[string]any
	if err := json.Unmarshal([]byte(ts.get(t, cl, "/claimreview.json").body), &dataFeed); err != nil {
		t.Fatal(err)
	}
	els := dataFeed["dataFeedElement"].([]any)
	if dataFeed["@type"] != "DataFeed" || len(els) != 1 || els[0].(map[string]any)["@type"] != "ClaimReview" {
		t.Fatalf("data feed = %v", dataFeed)
	}
	robots := ts.get(t, cl, "/robots.txt")
	if !strings.Contains(robots.body, "Sitemap: "+ts.URL+"/sitemap.xml") || !strings.Contains(robots.body, "Disallow: /desk") {
		t.Fatalf("robots = %q", robots.body)
	}
	csv := ts.get(t, cl, "/export.csv")
	lines := strings.Split(strings.TrimSpace(csv.body), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "url,claim,summary,speaker,said_at") || !strings.Contains(lines[1], "False") {
		t.Fatalf("csv = %q", csv.body)
	}
}

func TestResponsesAreCompressedWhenAccepted(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	plain := ts.get(t, ts.client(t), "/claims/"+c.Slug)
	for _, path := range []string{"/claims/" + c.Slug, "/claimreview.json"} {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		if res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("%s: Content-Encoding %q Vary %q", path, res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if path == "/claims/"+c.Slug && !bytes.Equal(body, []byte(plain.body)) {
			t.Fatal("compressed page differs from the plain one")
		}
	}
}

func TestSearchHighlightsAndSurvivesAnyInput(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			r := ts.get(t, cl, "/search?q=russians")
			d := doc(t, r.body)
			if r.status != 200 || d.Find(".claim-list li").Length() != 1 || !strings.EqualFold(d.Find(".snippet mark").First().Text(), "russians") {
				t.Fatalf("search: %d %q", r.status, d.Find(".snippet").Text())
			}
			long := ts.get(t, cl, "/search?q="+strings.Repeat("x", 10_000))
			if long.status != 400 || !strings.Contains(long.body, "Your search is too long") {
				t.Fatalf("10 KB query: %d", long.status)
			}
			for _, q := range []string{"%22", "%2A", "NEAR%28a+b%29", "%27%3B+DROP+TABLE+claims", "%C3%BC+%E6%97%A5%E6%9C%AC", "-x", "a+OR"} {
				if r := ts.get(t, cl, "/search?q="+q); r.status != 200 {
					t.Errorf("q=%s: %d", q, r.status)
				}
			}
			api := ts.get(t, cl, "/api/v1/public/claims?q="+strings.Repeat("x", 300))
			if api.status != 422 || !strings.Contains(api.body, `"q":"must be at most 200 characters"`) {
				t.Fatalf("API long query: %d %s", api.status, api.body)
			}
		})
	}
}

func TestPersonPageScorecard(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	n.publish(t, seedInput(), "false", "x")
	second := seedInput()
	second.Text, second.Summary = "I never met any Russian officials", "Sessions said he never met Russian officials"
	n.publish(t, second, "false", "x")
	third := seedInput()
	third.Text, third.Summary = "I have no idea what this allegation is about", "Sessions called the report false"
	n.publish(t, third, "mostly-false", "x")
	d := doc(t, ts.get(t, ts.client(t), "/people/jeff-sessions").body)
	bars := map[string]string{}
	d.Find("svg.chart g.bar").Each(func(_ int, s *goquery.Selection) {
		bars[s.Find(".bar-label").Text()] = s.Find(".bar-count").Text()
	})
	if bars["False"] != "2" || bars["Mostly false"] != "1" || bars["True"] != "0" || len(bars) != 7 {
		t.Fatalf("scorecard bars = %v", bars)
	}
	if got := d.Find("svg.chart desc").Text(); !strings.Contains(got, "False: 2") {
		t.Errorf("chart description = %q", got)
	}
	if d.Find(".claim-list li").Length() != 3 {
		t.Error("person page does not list the three fact-checks")
	}
}

func TestAdminSettingsNameThePublisher(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	admin, _ := ts.login(t, "settings-admin@example.org", models.RoleAdmin)
	form := func(name, addr, policy string) url.Values {
		return url.Values{"organization_name": {name}, "organization_url": {addr}, "corrections_policy": {policy}, "revision": {"1"}}
	}
	bad := ts.post(t, admin, "/admin/settings", form("", "javascript:alert(1)", "We fix errors."))
	if bad.status != 422 || !strings.Contains(bad.body, "Newsroom name is required") || !strings.Contains(bad.body, "must be an http or https URL") {
		t.Fatalf("bad settings: %d", bad.status)
	}
	ok := ts.post(t, admin, "/admin/settings", form("The Daily Check", "https://check.example.org", "We **always** say what changed."))
	if ok.status != 303 {
		t.Fatalf("save settings: %d %s", ok.status, ok.body)
	}
	if r := ts.get(t, admin, "/admin/settings"); !strings.Contains(r.body, `value="The Daily Check"`) {
		t.Fatal("settings form does not show the saved name")
	}
	d := doc(t, ts.get(t, ts.client(t), "/claims/"+c.Slug).body)
	var ld map[string]any
	_ = json.Unmarshal([]byte(d.Find(`script[type="application/ld+json"]`).Text()), &ld)
	author := ld["author"].(map[string]any)
	if author["name"] != "The Daily Check" || author["url"] != "https://check.example.org" {
		t.Fatalf("ClaimReview author = %v", author)
	}
	m := doc(t, ts.get(t, ts.client(t), "/methodology").body)
	if m.Find(".prose strong").Text() != "always" {
		t.Fatal("methodology does not show the new corrections policy")
	}
}

func TestHomeFiltersByRatingPersonAndTag(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	n.publish(t, seedInput(), "false", "x")
	other := models.ClaimInput{Text: "Bus fares were halved", Summary: "Mayor says bus fares were halved", Speaker: "Dana Whitfield", Tags: []string{"transport"}}
	n.publish(t, other, "mostly-true", "x")
	cl := ts.client(t)
	cases := map[string][]string{
		"/":                            {"Verdict on Mayor says bus fares were halved", "Verdict on " + seedInput().Summary},
		"/?rating=false":               {"Verdict on " + seedInput().Summary},
		"/?person=dana-whitfield":      {"Verdict on Mayor says bus fares were halved"},
		"/?tag=transport":              {"Verdict on Mayor says bus fares were halved"},
		"/?tag=transport&rating=false": nil,
	}
	for path, want := range cases {
		d := doc(t, ts.get(t, cl, path).body)
		got := texts(d.Find(".claim-card h3"))
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	d := doc(t, ts.get(t, cl, "/?person=dana-whitfield").body)
	if v, _ := d.Find(`#f-person option[selected]`).Attr("value"); v != "dana-whitfield" {
		t.Errorf("person filter keeps %q selected", v)
	}
}

// TestGzipFollowsItsWeight: a client that gives gzip any weight above zero
// takes it (RFC 9110 §12.5.3); q=0 refuses it.
func TestGzipFollowsItsWeight(t *testing.T) {
	ts := newServer(t, "sqlite")
	n := newNewsroom(t, ts)
	c := n.publish(t, seedInput(), "false", "x", seedSources()...)
	for accept, want := range map[string]string{
		"gzip;q=0.5": "gzip", "deflate, gzip;q=0.001": "gzip", "GZIP; Q=1": "gzip", "br;q=0, gzip": "gzip",
		"gzip;q=0": "", "gzip; q=0.000": "", "identity": "", "": "",
	} {
		for _, path := range []string{"/claims/" + c.Slug, "/export.csv"} {
			req, _ := http.NewRequest("GET", ts.URL+path, nil)
			req.Header.Set("Accept-Encoding", accept)
			res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if got := res.Header.Get("Content-Encoding"); got != want {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, want %q", path, accept, got, want)
			}
		}
	}
}

// TestPublicAPIMomentsAreToTheSecond: the public API gives every moment as
// the private API does, RFC 3339 in UTC to the second, even when the clock
// that stamped it counts fractions of a second.
func TestPublicAPIMomentsAreToTheSecond(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			clock := &movingClock{now: time.Date(2026, 3, 1, 9, 30, 15, 123456789, time.UTC)}
			ts := newServerOn(t, modelstest.Open(t, engine, models.Config{Now: clock.Now, Logger: slog.New(slog.DiscardHandler)}))
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			if _, err := ts.store.AddCorrection(context.Background(), n.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Clarified."}); err != nil {
				t.Fatal(err)
			}
			moment := regexp.MustCompile(`"(published_at|updated_at|date)":"([^"]*)"`)
			for _, path := range []string{"/api/v1/public/claims", "/api/v1/public/claims/" + c.Slug} {
				body := ts.get(t, ts.client(t), path).body
				found := moment.FindAllStringSubmatch(body, -1)
				if len(found) == 0 {
					t.Fatalf("%s gives no moments: %s", path, body)
				}
				for _, m := range found {
					if len(m[2]) == len("2017-03-01") {
						continue // a source's date
					}
					if m[2] != "2026-03-01T09:30:15Z" {
						t.Errorf("%s: %s is %q, want 2026-03-01T09:30:15Z", path, m[1], m[2])
					}
				}
			}
		})
	}
}
