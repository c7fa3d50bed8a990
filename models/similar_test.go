package models_test

import (
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestSameWords(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"I did not have communications with the Russians", "I did not have communications with the Russians", true},
		{"I did not have communications with the Russians", "  i did NOT have\tcommunications\n with the russians ", true},
		{"I did not have communications with the Russians", "“I did not have communications with the Russians”", true},
		{"We don’t “negotiate” with them", "we don't \"negotiate\" with them", true},
		{"«Nous n’avons rien signé»", "nous n'avons rien signé", true},
		{"I did not have communications with the Russians", "I did not have communications with the Russians.", false},
		{"I did not have communications with the Russians", "I had no communications with the Russians", false},
		{"I did not have communications with the Russians", "I did not have any communications with the Russians", false},
		{"", "", true},
	} {
		if got := models.SameWords(tc.a, tc.b); got != tc.same {
			t.Errorf("SameWords(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// TestSimilarClaimsScoresTheWordsOnly: similar claims are scored on the
// claims' words alone, never their summaries; a claim with the same words
// scores 1 and comes first, before one that holds every word and more.
func TestSimilarClaimsScoresTheWordsOnly(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		log := func(text, summary string) *models.Claim {
			t.Helper()
			in := sworn()
			in.Text, in.Summary = text, summary
			c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		// Logged first, but only its summary holds the words.
		summaryOnly := log("Unrelated words about tariffs and soybeans", "On communications with the Russians")
		more := log("I did not have communications with the Russians, he said again and again", "He said it again")
		same := log("I did not have communications with the Russians", "Sworn testimony")
		sim, err := s.SimilarClaims(d.ctx, "“i did not have  communications with the russians”", 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(sim) != 2 {
			t.Fatalf("similar = %+v, want the same words and the longer claim", sim)
		}
		if sim[0].ID != same.ID || sim[0].Score != 1 || !sim[0].Exact {
			t.Errorf("first = %+v, want claim %d, score 1, exact", sim[0], same.ID)
		}
		if sim[1].ID != more.ID || sim[1].Score != 0.99 || sim[1].Exact {
			t.Errorf("second = %+v, want claim %d, score 0.99, not exact", sim[1], more.ID)
		}
		for _, c := range sim {
			if c.ID == summaryOnly.ID {
				t.Errorf("a claim whose summary alone holds the words is listed: %+v", c)
			}
		}
		if sim, err := s.SimilarClaims(d.ctx, same.Text, 0, 1); err != nil || len(sim) != 1 || sim[0].ID != same.ID {
			t.Errorf("limit 1: %+v, %v; want the same words alone", sim, err)
		}
		if sim, err := s.SimilarClaims(d.ctx, same.Text, same.ID, 5); err != nil || len(sim) != 1 || sim[0].ID != more.ID {
			t.Errorf("excluding the claim itself: %+v, %v", sim, err)
		}
	})
}

// TestSimilarClaimsFindsTheSameFewWords: a claim of short, common words
// alone, which the similar-words measure does not count, is still found
// when logged again with the same words.
func TestSimilarClaimsFindsTheSameFewWords(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		in := sworn()
		in.Text, in.Summary = "We did it", "They did it"
		first, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		in.Text = "We did it again"
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, in); err != nil {
			t.Fatal(err)
		}
		sim, err := s.SimilarClaims(d.ctx, "“We  did it”", 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(sim) != 1 || sim[0].ID != first.ID || !sim[0].Exact || sim[0].Score != 1 {
			t.Fatalf("similar = %+v, want claim %d alone, the same words", sim, first.ID)
		}
	})
}
