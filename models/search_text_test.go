package models_test

import (
	"strings"
	"testing"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// publishExplained publishes in with a verdict explained in Markdown.
func (d *desk) publishExplained(t *testing.T, in models.ClaimInput, explanation string) *models.Claim {
	t.Helper()
	c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, in)
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: explanation})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	return c
}

// markdownExplanation is an explanation whose words "ambassadorial" and
// "meetings" appear nowhere else in the claim.
const markdownExplanation = "He said he *did not have* contacts, yet **two** ambassadorial meetings were " +
	"[reported](https://www.example.com/post) and `confirmed`:\n\n> We met twice.\n\n- in July\n- in September"

// markup is what must never show in a snippet.
var markup = []string{"*", "`", "](", "[", "> ", "- in"}

// A search snippet quoted the explanation's Markdown as it was written
// ("*did not have*"); it now quotes the text its readers see. A search for
// a tag's word found nothing; it now finds the published claims that carry
// the tag, and says so in the snippet.
func TestSearchSnippetsArePlainAndTagsAreFound(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		in := sworn() // tags russia and confirmation-hearings; "hearings" is in none of its words
		pub := d.publishExplained(t, in, markdownExplanation)
		draft := sworn()
		draft.Summary, draft.Tags = "A draft tagged alike", []string{"Confirmation hearings"}
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, draft); err != nil {
			t.Fatal(err)
		}
		plain := func(t *testing.T, q string) models.PublicItem {
			t.Helper()
			got := searchHits(t, d, q)
			if len(got) != 1 || got[0].ID != pub.ID {
				t.Fatalf("search %q: %+v, want the published claim only", q, got)
			}
			for _, m := range markup {
				if strings.Contains(got[0].Snippet, m) {
					t.Errorf("search %q: snippet %q shows the Markdown %q", q, got[0].Snippet, m)
				}
			}
			return got[0]
		}
		if got := plain(t, "ambassadorial meetings").Snippet; !strings.Contains(got, models.HighlightStart+"ambassadorial"+models.HighlightEnd) || !strings.Contains(got, " were reported and confirmed") {
			t.Errorf("snippet %q does not quote the explanation as its readers see it", got)
		}
		plain(t, "reported")
		// Found by a tag's word alone (stemmed, as every word is): the
		// snippet lists the tags with the matched words marked.
		for _, q := range []string{"hearings", "hearing"} {
			want := models.TagsSnippet + "confirmation-" + models.HighlightStart + "hearings" + models.HighlightEnd + ", russia"
			if got := plain(t, q); got.Snippet != want {
				t.Errorf("search %q: snippet %q, want %q", q, got.Snippet, want)
			}
		}
		// A tag's word with one of the prose: the prose is quoted.
		if got := plain(t, "hearings Russians"); strings.HasPrefix(got.Snippet, models.TagsSnippet) || !strings.Contains(got.Snippet, models.HighlightStart) {
			t.Errorf("search by a tag and the prose: snippet %q, want the prose", got.Snippet)
		}
		if got := searchHits(t, d, "Russians"); len(got) != 1 || !strings.Contains(got[0].Snippet, models.HighlightStart) || strings.HasPrefix(got[0].Snippet, models.TagsSnippet) {
			t.Errorf("search by the words: %+v, want their passage", got)
		}
	})
}

// The migration that adds the tags to the index empties it; the store
// indexes every claim missing from it as it migrates, with its tags and
// its explanation as plain text.
func TestMigrateIndexesClaimsMissingFromTheIndex(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		pub := d.publishExplained(t, sworn(), markdownExplanation)
		wipe := []string{"DELETE FROM claims_fts", "DELETE FROM claims_trgm"}
		if s.Dialect() == migrations.Postgres {
			wipe = []string{"DELETE FROM claim_search"}
		}
		for _, w := range wipe {
			if err := s.ExecForTest(d.ctx, w); err != nil {
				t.Fatal(err)
			}
		}
		if got := searchHits(t, d, "hearings"); len(got) != 0 {
			t.Fatalf("the wiped index finds %+v: the test proves nothing", got)
		}
		if _, err := s.Migrate(d.ctx); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"hearings", "ambassadorial", "Russians"} {
			if got := searchHits(t, d, q); len(got) != 1 || got[0].ID != pub.ID || strings.Contains(got[0].Snippet, "*") {
				t.Errorf("after Migrate, search %q: %+v", q, got)
			}
		}
	})
}
