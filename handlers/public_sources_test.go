package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A claim page numbers its sources once, in the order it lists them, and
// every reference to a source uses that number: down the timeline the
// numbers read [1][2][3][4] even when a report and the speaker's response
// share a day (the timeline puts reports first), and each [n] leads to the
// source it names. The public API lists the sources in the same order. A
// meta line with a part missing (no outlet) has no stray "·".
func TestSourcesAreNumberedInTheOrderThePageListsThem(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			// Stored in this order; the response and the second report share
			// 2 March, and the response was stored first.
			sources := append(seedSources(),
				models.SourceInput{URL: "https://example.org/second-report", Title: "A second report of the meetings", PublishedAt: "2017-03-02",
					Kind: models.SourceNewsReport, Stance: models.StanceContradicts},
				models.SourceInput{URL: "https://example.org/undated", Title: "An undated memo", Kind: models.SourceOther, Stance: models.StanceContext})
			c := n.publish(t, seedInput(), "false", "x", sources...)
			d := doc(t, ts.get(t, ts.client(t), "/claims/"+c.Slug).body)

			list := texts(d.Find("ol.source-list > li > a"))
			want := []string{"Confirmation hearing transcript", "Sessions spoke twice with the Russian ambassador",
				"A second report of the meetings", "Statement by the Attorney General", "An undated memo"}
			if strings.Join(list, "|") != strings.Join(want, "|") {
				t.Errorf("source list:\n got %q\nwant %q", list, want)
			}
			var refs []string
			d.Find("ol.timeline .ref").Each(func(_ int, ref *goquery.Selection) {
				refs = append(refs, ref.Text())
				// The reference leads to the source the entry names.
				href, _ := ref.Attr("href")
				title := ref.Parent().Find("a").First().Text()
				if got := d.Find(href + " > a").Text(); got != title {
					t.Errorf("%s on the timeline entry %q leads to %q", ref.Text(), title, got)
				}
			})
			if got := strings.Join(refs, ""); got != "[1][2][3][4]" {
				t.Errorf("timeline source numbers read %s", got)
			}
			if got := d.Find("#source-5 > a").Text(); got != "An undated memo" {
				t.Errorf("source 5 = %q", got)
			}

			// No part missing leaves a separator behind.
			if got := flat(d.Find("#source-3 .meta")); got != "News report · 2 Mar 2017" {
				t.Errorf("meta of a source with no outlet = %q", got)
			}
			d.Find(".source-list .meta, .timeline .meta").Each(func(_ int, m *goquery.Selection) {
				if s := flat(m); strings.HasPrefix(s, "·") || strings.HasSuffix(s, "·") || strings.Contains(s, "· ·") {
					t.Errorf("stray separator in %q", s)
				}
			})

			var api struct {
				Sources []struct {
					Title string `json:"title"`
				} `json:"sources"`
			}
			r := ts.get(t, ts.client(t), "/api/v1/public/claims/"+c.Slug)
			if err := json.Unmarshal([]byte(r.body), &api); err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, s := range api.Sources {
				titles = append(titles, s.Title)
			}
			if strings.Join(titles, "|") != strings.Join(want, "|") {
				t.Errorf("public API sources:\n got %q\nwant %q", titles, want)
			}
		})
	}
}
