package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// asciiURL fails unless u is an absolute URL of printable ASCII, as a URL
// on the wire must be (RFC 3986), that names path on the server.
func asciiURL(t *testing.T, ts *testServer, what, u, path string) {
	t.Helper()
	for i := 0; i < len(u); i++ {
		if u[i] <= ' ' || u[i] >= 0x7f {
			t.Errorf("%s: %q is not a valid URL (byte %#x)", what, u, u[i])
			return
		}
	}
	p, err := url.Parse(u)
	if err != nil || ts.URL+p.EscapedPath() != u || p.Path != path {
		t.Errorf("%s: %q does not name %q (%v)", what, u, path, err)
	}
}

// A fact-check and a speaker in Cyrillic have readable addresses,
// "/claims/путин-сказал-об-инфляции", which a browser sends
// percent-encoded and some clients in lower-case hex; every absolute URL
// the site gives of them (canonical link, ClaimReview, sitemap, Atom, the
// public API) and every redirect to them is percent-encoded.
func TestUnicodeSlugsOnTheWire(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			in := models.ClaimInput{Text: "Путин сказал, что инфляция снизилась", Summary: "Путин сказал об инфляции",
				Speaker: "Владимир Путин", SaidAt: "2026-01-05", Tags: []string{"Экономика"}}
			c := n.publish(t, in, "false", "Данные Росстата показывают рост цен.")
			slug, person := "путин-сказал-об-инфляции", "владимир-путин"
			if c.Slug != slug {
				t.Fatalf("slug %q, want %q", c.Slug, slug)
			}
			claimPath := "/claims/" + slug
			claimURL := ts.URL + "/claims/" + url.PathEscape(slug)
			personURL := ts.URL + "/people/" + url.PathEscape(person)
			asciiURL(t, ts, "expected claim URL", claimURL, claimPath)

			cl := ts.client(t)
			for _, p := range []string{
				"/claims/" + url.PathEscape(slug), "/claims/" + strings.ToLower(url.PathEscape(slug)),
				"/api/v1/public/claims/" + url.PathEscape(slug), "/api/v1/public/claims/" + strings.ToLower(url.PathEscape(slug)),
			} {
				if r := ts.get(t, cl, p); r.status != http.StatusOK || !strings.Contains(r.body, "инфляция снизилась") {
					t.Errorf("GET %s: %d", p, r.status)
				}
			}
			for _, p := range []string{"/people/" + url.PathEscape(person), "/people/" + strings.ToLower(url.PathEscape(person))} {
				if r := ts.get(t, cl, p); r.status != http.StatusOK || !strings.Contains(r.body, "Владимир Путин") {
					t.Errorf("GET %s: %d", p, r.status)
				}
			}
			if r := ts.get(t, cl, "/claims/%D0%BF%D1"); r.status != http.StatusNotFound {
				t.Errorf("a slug of broken UTF-8: %d, want 404", r.status)
			}

			page := doc(t, ts.get(t, cl, "/claims/"+url.PathEscape(slug)).body)
			canonical, _ := page.Find(`link[rel="canonical"]`).Attr("href")
			if canonical != claimURL {
				t.Errorf("canonical %q, want %q", canonical, claimURL)
			}
			ld := page.Find(`script[type="application/ld+json"]`).Text()
			if !strings.Contains(ld, `"url":"`+claimURL+`"`) || !strings.Contains(ld, personURL) {
				t.Errorf("ClaimReview does not give %s and %s: %s", claimURL, personURL, ld)
			}
			if d := doc(t, ts.get(t, cl, "/people/"+url.PathEscape(person)).body); d.Find(`link[rel="canonical"]`).AttrOr("href", "") != personURL {
				t.Errorf("speaker's canonical %q, want %q", d.Find(`link[rel="canonical"]`).AttrOr("href", ""), personURL)
			}
			for path, want := range map[string]string{
				"/sitemaps/claims-1.xml":                        "<loc>" + claimURL + "</loc>",
				"/sitemaps/pages.xml":                           "<loc>" + personURL + "</loc>",
				"/feed.atom":                                    `href="` + claimURL + `"`,
				"/claimreview.json":                             `"url":"` + claimURL + `"`,
				"/api/v1/public/claims":                         `"url":"` + claimURL + `"`,
				"/api/v1/public/claims/" + url.PathEscape(slug): `"url":"` + claimURL + `"`,
			} {
				if r := ts.get(t, cl, path); r.status != http.StatusOK || !strings.Contains(r.body, want) {
					t.Errorf("%s does not hold %s", path, want)
				}
			}

			// A renamed speaker's former address redirects, percent-encoded.
			p, err := ts.store.PersonBySlug(t.Context(), person)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ts.store.UpdatePerson(t.Context(), n.ed, models.Meta{}, p.ID, models.PersonInput{Name: "Путин Владимир Владимирович", Kind: p.Kind, Revision: p.Revision}); err != nil {
				t.Fatal(err)
			}
			r := ts.get(t, cl, "/people/"+url.PathEscape(person))
			loc := r.header.Get("Location")
			if r.status != http.StatusMovedPermanently {
				t.Fatalf("former address: %d, want 301", r.status)
			}
			asciiURL(t, ts, "Location", ts.URL+loc, "/people/путин-владимир-владимирович")
			if r := ts.get(t, cl, loc); r.status != http.StatusOK {
				t.Errorf("GET %s: %d", loc, r.status)
			}
		})
	}
}

// The public search page and the public API find words in every script:
// "微芯片" inside "疫苗含有微芯片", "сказал" in "Путин сказал", "equipe" in
// "équipe".
func TestPublicSearchEveryScript(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			zh := n.publish(t, models.ClaimInput{Text: "疫苗含有微芯片", Summary: "疫苗含有微芯片的说法", Speaker: "网络帖子", SaidAt: "2026-01-05",
				Tags: []string{"疫苗"}}, "false", "疫苗成分是公开的。")
			ru := n.publish(t, models.ClaimInput{Text: "Путин сказал, что инфляция снизилась", Summary: "Путин сказал об инфляции",
				Speaker: "Владимир Путин", SaidAt: "2026-01-05"}, "false", "Данные показывают рост цен.")
			fr := n.publish(t, models.ClaimInput{Text: "L'équipe nationale a gagné tous ses matchs", Summary: "L'équipe a tout gagné",
				Speaker: "Fédération française", SaidAt: "2026-01-05"}, "false", "Deux défaites.")
			cl := ts.client(t)
			for q, c := range map[string]*models.Claim{"微芯片": zh, "芯片": zh, "сказал": ru, "equipe": fr} {
				page := doc(t, ts.get(t, cl, "/search?q="+url.QueryEscape(q)).body)
				cards := page.Find(".claim-card")
				if cards.Length() != 1 || cards.Find(`a[href="/claims/`+c.Slug+`"]`).Length() == 0 {
					t.Errorf("search page %q: %d results, want %s", q, cards.Length(), c.Slug)
				} else if cards.Find(".snippet mark").Length() == 0 {
					t.Errorf("search page %q: nothing marked in %q", q, cards.Find(".snippet").Text())
				}
				r := ts.get(t, cl, "/api/v1/public/claims?q="+url.QueryEscape(q))
				if r.status != http.StatusOK || strings.Count(r.body, `"claim":`) != 1 || !strings.Contains(r.body, `"slug":"`+c.Slug+`"`) {
					t.Errorf("public API search %q: %d %s", q, r.status, r.body)
				}
			}
			// Tags in any script are kept, and listed by the public API.
			r := ts.get(t, cl, "/api/v1/public/claims?tag="+url.QueryEscape("疫苗"))
			if r.status != http.StatusOK || !strings.Contains(r.body, `"slug":"`+zh.Slug+`"`) {
				t.Errorf("public API by the tag 疫苗: %d %s", r.status, r.body)
			}
		})
	}
}
