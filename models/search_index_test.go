package models_test

import (
	"testing"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Saving writes only the index entries whose words change: a verdict
// proposed or sent back writes none (what the index holds comes from the
// claim and its published verdict), and the substring index gets a claim
// only once it is public, which a public search alone reads. Both cost a
// millisecond or more a save on a large archive.
func TestSavingWritesOnlyTheIndexEntriesThatChange(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		indexed := func(when string, id uint, words, substring bool) {
			t.Helper()
			w, sub, err := s.IndexedForTest(d.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if w != words || sub != substring {
				t.Errorf("%s: in the word index %v, in the substring index %v; want %v, %v", when, w, sub, words, substring)
			}
		}
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		indexed("a draft", c.ID, true, false)
		writes := s.CountIndexWritesForTest()
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador", Explanation: "Twice, in 2016."})
		if err != nil {
			t.Fatal(err)
		}
		if n := writes(); n != 0 {
			t.Errorf("proposing a verdict wrote %d index rows, want none", n)
		}
		indexed("in review", c.ID, true, false)
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Cite it."}); err != nil {
			t.Fatal(err)
		}
		v, err = s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "In July and September 2016.", Version: d.verdict(t, v.ID).Version})
		if err != nil {
			t.Fatal(err)
		}
		if n := writes(); n != 0 {
			t.Errorf("sending a verdict back and revising it wrote %d index rows, want none", n)
		}
		if _, err := d.review(d.rev, v.ID, v.Version); err != nil {
			t.Fatal(err)
		}
		if writes() == 0 {
			t.Error("publishing wrote no index row: the test proves nothing")
		}
		indexed("published", c.ID, true, true)
		// Published, the claim is found inside its verdict's words.
		if got := searchHits(t, d, "ambassado"); len(got) != 1 || got[0].ID != c.ID {
			t.Errorf("search inside a word of the published verdict: %+v", got)
		}
	})
}

// The similar-claims search reads on SQLite how many claims hold each
// word from claim_word_counts, which the store keeps as it writes the
// index of the claims' words: it stays the number of claims that hold
// each word when claims are seeded, logged, edited, published and
// deleted.
func TestWordCountsFollowTheClaimsWords(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		if s.Dialect() != migrations.SQLite {
			t.Skip("PostgreSQL counts in its word index")
		}
		d := newDesk(t, s)
		drift := func(when string) {
			t.Helper()
			got, err := s.WordCountDriftForTest(d.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) > 0 {
				t.Errorf("%s: %d words miscounted: %v", when, len(got), got[:min(len(got), 5)])
			}
		}
		if err := s.SeedSynthetic(d.ctx, models.SyntheticSpec{Claims: 300, SourcesPerClaim: 1, Published: true, Seed: 5}); err != nil {
			t.Fatal(err)
		}
		drift("seeded")
		in := sworn()
		a, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		in.Summary = "The same words logged twice"
		b, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		drift("two claims of the same words logged")
		similar, err := s.SimilarClaims(d.ctx, b.Text, b.ID, 5)
		if err != nil || len(similar) == 0 || similar[0].ID != a.ID {
			t.Fatalf("similar to the second: %+v %v, want the first", similar, err)
		}
		text := "Quarterly xylophone exports tripled, the ministry said"
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, b.ID, models.ClaimPatch{Text: &text}); err != nil {
			t.Fatal(err)
		}
		drift("a draft's words edited")
		if err := s.DeleteClaim(d.ctx, d.ed, d.m, a.ID, 0); err != nil {
			t.Fatal(err)
		}
		drift("a draft deleted")
		d.publish(t, sworn(), "false")
		drift("a claim published")
		if similar, err := s.SimilarClaims(d.ctx, "Xylophone exports tripled last quarter", 0, 5); err != nil || len(similar) == 0 || similar[0].ID != b.ID {
			t.Errorf("similar to the edited words: %+v %v, want the edited claim first", similar, err)
		}
	})
}
