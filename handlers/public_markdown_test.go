package handlers_test

import (
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Every Markdown field goes through the one Markdown policy: a correction's
// note and a retraction's note are rendered as an explanation is, wherever
// the page shows them (the banner, the timeline, the corrections log) and
// in the corrections feed, and an image in any of them becomes a link,
// never an <img> that the site's Content-Security-Policy would block.
func TestCorrectionNotesFollowTheMarkdownPolicy(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "He said he *did not have* contacts.\n\n> I did not have communications with the Russians\n\n![The hearing](https://example.org/hearing.png)", seedSources()...)
			ctx := context.Background()
			if _, err := ts.store.AddCorrection(ctx, n.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection,
				Note: "The second meeting was in *September*, see ![the diary](https://example.org/diary.png)."}); err != nil {
				t.Fatal(err)
			}
			if _, err := ts.store.RetractClaim(ctx, n.rev, models.Meta{}, c.ID, "We relied on a **misdated** transcript."); err != nil {
				t.Fatal(err)
			}
			d := doc(t, ts.get(t, ts.client(t), "/claims/"+c.Slug).body)
			if n := d.Find("main img").Length(); n != 0 {
				t.Errorf("the page embeds %d images", n)
			}
			for sel, want := range map[string]string{
				".verdict-box .prose em":                                        "did not have",
				".verdict-box .prose blockquote p":                              "I did not have communications with the Russians",
				`.verdict-box .prose a[href="https://example.org/hearing.png"]`: "The hearing",
				".retraction .prose strong":                                     "misdated",
				".corrections .prose em":                                        "September",
				`.corrections .prose a[href="https://example.org/diary.png"]`:   "the diary",
				".tl-correction .prose em":                                      "September",
				".tl-correction .prose strong":                                  "misdated",
			} {
				if got := flat(d.Find(sel).First()); got != want {
					t.Errorf("%s = %q, want %q", sel, got, want)
				}
			}
			if got := d.Find(".corrections li").Text(); strings.Contains(got, "*") || strings.Contains(got, "![") {
				t.Errorf("the corrections log shows Markdown as written: %q", got)
			}

			// The corrections feed gives each note as HTML, made by the same policy.
			var feed struct {
				Entries []struct {
					Summary struct {
						Type string `xml:"type,attr"`
						Body string `xml:",chardata"`
					} `xml:"summary"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(ts.get(t, ts.client(t), "/corrections.atom").body), &feed); err != nil {
				t.Fatal(err)
			}
			if len(feed.Entries) != 2 {
				t.Fatalf("corrections feed has %d entries", len(feed.Entries))
			}
			for i, want := range []string{"<p>We relied on a <strong>misdated</strong> transcript.</p>",
				`<p>The second meeting was in <em>September</em>, see <a href="https://example.org/diary.png" rel="nofollow noreferrer">the diary</a>.</p>`} {
				if s := feed.Entries[i].Summary; s.Type != "html" || strings.TrimSpace(s.Body) != want {
					t.Errorf("entry %d summary (%s) = %q, want %q", i, s.Type, s.Body, want)
				}
			}
		})
	}
}
