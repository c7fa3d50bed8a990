package models_test

import (
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// searchHits runs a public search and returns its results.
func searchHits(t *testing.T, d *desk, q string) []models.PublicItem {
	t.Helper()
	res, _, err := d.s.Search(d.ctx, q, 1, 20)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

// A new verdict proposed on a published claim is not public until a
// reviewer approves it: a public search neither finds the claim by words
// only that verdict holds nor quotes them in a snippet, whether it is in
// review or sent back. Once it is approved, its words are found. (The
// index used to hold the newest verdict not superseded.)
func TestSearchFindsOnlyPublishedVerdictWords(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		pub := d.publish(t, sworn(), "false")
		// "communications" is in the claim's words, and three times in the
		// unreviewed explanation, where a snippet would prefer to quote it.
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, pub.ID, models.VerdictInput{Rating: "mostly-false",
			Headline:    "Xylographic review of the record",
			Explanation: "Quixotically, communications, communications and more communications were logged."})
		if err != nil {
			t.Fatal(err)
		}
		leaks := func(when string) {
			t.Helper()
			for _, q := range []string{"quixotically", "xylographic", "xylographic record"} {
				if got := searchHits(t, d, q); len(got) != 0 {
					t.Errorf("%s: search %q finds %d claims by words no reviewer approved", when, q, len(got))
				}
			}
			got := searchHits(t, d, "communications")
			if len(got) != 1 || got[0].ID != pub.ID {
				t.Fatalf("%s: search by the claim's own words: %+v", when, got)
			}
			if snip := strings.ToLower(got[0].Snippet); strings.Contains(snip, "quixotically") || strings.Contains(snip, "logged") || strings.Contains(snip, "xylographic") {
				t.Errorf("%s: snippet quotes the unreviewed verdict: %q", when, got[0].Snippet)
			}
			if got[0].Headline != "Headline for "+sworn().Summary {
				t.Errorf("%s: listed headline %q is not the published one", when, got[0].Headline)
			}
		}
		leaks("in review")

		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Say more."}); err != nil {
			t.Fatal(err)
		}
		leaks("sent back")

		v, err = s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "mostly-false",
			Headline:    "Xylographic review of the record",
			Explanation: "Quixotically, communications, communications and more communications were logged, twice."})
		if err != nil {
			t.Fatal(err)
		}
		leaks("revised")

		res, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove})
		if err != nil || !res.Published {
			t.Fatalf("approve: %+v %v", res, err)
		}
		for _, q := range []string{"quixotically", "xylographic record"} {
			if got := searchHits(t, d, q); len(got) != 1 || got[0].ID != pub.ID {
				t.Errorf("published: search %q finds %+v, want the claim", q, got)
			}
		}
		// The superseded verdict's words are gone from the index.
		if got := searchHits(t, d, "headline"); len(got) != 0 {
			t.Errorf("search by the superseded headline finds %d claims", len(got))
		}

		// A retraction keeps the claim public and findable by its
		// published words.
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, pub.ID, "We retract this fact-check."); err != nil {
			t.Fatal(err)
		}
		if got := searchHits(t, d, "xylographic"); len(got) != 1 || got[0].Status != models.ClaimRetracted {
			t.Errorf("retracted: %+v", got)
		}
	})
}
