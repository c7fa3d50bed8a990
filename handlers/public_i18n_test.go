package handlers_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models/modelstest"
)

// TestPublicPagesInFrenchAndArabic reads the public site in French
// and in Arabic (?lang=): the pages' own words, the plural forms, the
// dates and numbers are the language's, while the names, quotes and
// titles stay as written, isolated in <bdi> inside the interface's
// sentences so that an English name keeps "، ١٠ يناير ٢٠١٧" on its side in
// Arabic.
func TestPublicPagesInFrenchAndArabic(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "He met the ambassador twice.", seedSources()...)
			get := func(path string) *goquery.Document {
				t.Helper()
				r := ts.get(t, ts.client(t), path)
				if r.status != 200 {
					t.Fatalf("GET %s: %d", path, r.status)
				}
				return doc(t, r.body)
			}
			attr := func(d *goquery.Document, sel, name string) string {
				v, _ := d.Find(sel).First().Attr(name)
				return v
			}
			type check struct{ what, sel, want string }
			expect := func(path string, d *goquery.Document, checks []check) {
				t.Helper()
				for _, k := range checks {
					if got := textOf(d.Find(k.sel)); got != k.want {
						t.Errorf("%s, %s (%s):\n got %q\nwant %q", path, k.what, k.sel, got, k.want)
					}
				}
			}

			claim := "/claims/" + c.Slug
			fr := get(claim + "?lang=fr")
			expect(claim+"?lang=fr", fr, []check{
				{"byline with the long date", ".said figcaption", "Jeff Sessions, 10 janvier 2017 · Senate confirmation hearing, under oath · Où cela a été dit"},
				{"timeline heading", "#timeline-h", "Chronologie"},
				{"statement's short date", ".tl-statement .tl-date", "10 janv. 2017"},
				{"statement", ".tl-statement .tl-body p:nth-of-type(2)", "Jeff Sessions a déclaré : I did not have communications with the Russians"},
				{"stance", ".tl-source .st-contradicts", "Contredit"},
				{"source meta", "#source-1 .meta", "Senate Judiciary Committee · Transcription · 10 janv. 2017"},
				{"our rating", ".verdict-label", "Notre note"},
				{"reviewers, plural one", ".claim-facts div:nth-child(2) dd", "1 relecteur"},
				{"corrections", "#corrections-h + p", "Cette vérification n’a fait l’objet d’aucune correction."},
			})
			if got := attr(fr, `meta[name="description"]`, "content"); !strings.HasPrefix(got, "Jeff Sessions a déclaré\u00a0: «\u202f") || !strings.HasSuffix(got, "Notre note\u00a0: False.") {
				t.Errorf("fr description = %q", got)
			}
			if name := fr.Find(".said figcaption a bdi").First().Text(); name != "Jeff Sessions" {
				t.Errorf("fr byline: the name is not isolated in <bdi> (%q)", name)
			}

			ar := get(claim + "?lang=ar")
			expect(claim+"?lang=ar", ar, []check{
				{"byline with the long date", ".said figcaption", "Jeff Sessions، ١٠ يناير ٢٠١٧ · Senate confirmation hearing, under oath · أين قيل"},
				{"timeline heading", "#timeline-h", "التسلسل الزمني"},
				{"statement's date", ".tl-statement .tl-date", "١٠ يناير ٢٠١٧"},
				{"source reference", ".tl-source .ref", "[١]"},
				{"stance", ".tl-source .st-contradicts", "يناقض"},
				{"reviewers, Arabic's one form", ".claim-facts div:nth-child(2) dd", "مراجع واحد"},
				{"sources", "#sources-h", "المصادر"},
			})
			if got := attr(ar, ".tl-source .ref", "aria-label"); got != "المصدر ١" {
				t.Errorf("ar source reference label = %q", got)
			}
			for _, sel := range []string{".said figcaption a bdi", ".tl-statement .tl-body bdi", ".eyebrow a bdi"} {
				if got := ar.Find(sel).First().Text(); got != "Jeff Sessions" {
					t.Errorf("ar %s = %q, want the name isolated", sel, got)
				}
			}
			for _, sel := range []string{".claim-head h1", ".claim-quote", ".verdict-box .prose", ".tl-source .excerpt"} {
				if attr(ar, sel, "dir") != "auto" {
					t.Errorf("ar %s has no dir=auto", sel)
				}
			}

			home := get("/?lang=fr")
			expect("/?lang=fr", home, []check{{"list heading", ".list-head h2", "Dernières vérifications"}})
			if got := textOf(home.Find(".claim-card .meta")); !strings.HasPrefix(got, "Jeff Sessions · déclaré le 10 janv. 2017 · vérifié le ") {
				t.Errorf("fr card meta = %q", got)
			}

			person := get("/people/" + c.Person.Slug + "?lang=ar")
			expect("person ?lang=ar", person, []check{
				{"small sample, Arabic's one form", ".small-sample strong", "استنادًا إلى تدقيق واحد."},
				{"list title", ".list-title", "التدقيقات"},
			})
			if got := person.Find(".small-sample bdi").Text(); got != "Jeff Sessions" {
				t.Errorf("ar small-sample note: name = %q, want it isolated", got)
			}

			search := get("/search?q=russians&lang=fr")
			expect("search ?lang=fr", search, []check{{"heading", "h1", "Résultats pour « russians »"}})

			feed := ts.get(t, ts.client(t), "/feed.atom?lang=fr")
			if feed.status != 200 || !strings.Contains(feed.body, "<title>Claimtracker Newsroom\u00a0: Vérifications</title>") ||
				!strings.Contains(feed.body, "Jeff Sessions a déclaré") {
				t.Errorf("fr feed: %d\n%s", feed.status, feed.body)
			}
		})
	}
}
