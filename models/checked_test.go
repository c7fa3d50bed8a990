package models_test

import (
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestCheckedClaimsFindOnlyPublishedFactChecks checks that a statement is
// matched to the published fact-check that holds it, with the published
// verdict's rating and headline, and never to a draft, a claim in review or
// sent back, or a retracted one, whatever their words.
func TestCheckedClaimsFindOnlyPublishedFactChecks(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		jobs := func(summary string) models.ClaimInput {
			in := sworn()
			in.Text, in.Summary, in.Speaker = "Unemployment fell to its lowest level in fifty years under this government", summary, "Pat Minister"
			return in
		}
		pub := d.publish(t, jobs("Unemployment at a fifty-year low"), "false")
		// A new verdict proposed since does not change what is published.
		if _, err := s.ProposeVerdict(d.ctx, d.ed, d.m, pub.ID, models.VerdictInput{Rating: "true", Headline: "Not yet reviewed", Explanation: "Pending."}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, jobs("A draft with the same words")); err != nil {
			t.Fatal(err)
		}
		inReview, err := s.CreateClaim(d.ctx, d.ed, d.m, jobs("In review with the same words"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ProposeVerdict(d.ctx, d.ed, d.m, inReview.ID, models.VerdictInput{Rating: "true", Headline: "In review", Explanation: "Pending."}); err != nil {
			t.Fatal(err)
		}
		sentBack, err := s.CreateClaim(d.ctx, d.ed, d.m, jobs("Sent back with the same words"))
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, sentBack.ID, models.VerdictInput{Rating: "true", Headline: "Sent back", Explanation: "Pending."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Cite the figures."}); err != nil {
			t.Fatal(err)
		}
		retracted := d.publish(t, jobs("Retracted with the same words"), "true")
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, retracted.ID, "Published in error."); err != nil {
			t.Fatal(err)
		}

		// Words that the Postgres index leaves out as too common can still
		// be matched on the others.
		against := sworn()
		against.Text, against.Summary = "We were always against it", "Always against it"
		stop := d.publish(t, against, "true")

		texts := []string{
			"Unemployment fell to its lowest level in fifty years under this government",
			"Unemployment has fallen to its lowest level in fifty years under this government",
			"Unemployment is a problem the government must fix",
			"The tide comes in twice a day",
			"",
			"Unemployment fell to its lowest level in fifty years under this government",
		}
		got, err := s.CheckedClaims(d.ctx, texts, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(texts) {
			t.Fatalf("%d answers for %d texts", len(got), len(texts))
		}
		for i, want := range []float64{1, 0.86, 0, 0, 0, 1} {
			if want == 0 {
				if len(got[i]) != 0 {
					t.Errorf("text %d: checked = %+v, want none", i, got[i])
				}
				continue
			}
			if len(got[i]) != 1 {
				t.Fatalf("text %d: checked = %+v, want only the published claim", i, got[i])
			}
			c := got[i][0]
			if c.ID != pub.ID || c.Slug != pub.Slug || c.RatingSlug != "false" || c.RatingLabel != "False" ||
				c.Headline != "Headline for Unemployment at a fifty-year low" || c.Score != want {
				t.Errorf("text %d: checked = %+v, want %s rated False scoring %v", i, c, pub.Slug, want)
			}
		}
		if got, err := s.CheckedClaims(d.ctx, []string{"We were always against it."}, 3); err != nil || len(got[0]) != 1 || got[0][0].ID != stop.ID || got[0][0].Score != 1 {
			t.Errorf("claim of a word on the stop list: checked = %+v, %v", got, err)
		}
		for _, q := range []string{`"`, `NEAR(a b)`, `*`, `OR AND NOT`, `ü ß 日本語`} {
			if _, err := s.CheckedClaims(d.ctx, []string{q}, 3); err != nil {
				t.Errorf("checked(%q): %v", q, err)
			}
		}
	})
}
