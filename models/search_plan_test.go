package models_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A search reads its indexes, not every claim: on PostgreSQL the words
// through the GIN index of words, and the inside of words through the GIN
// index of trigrams, with some thousands of claims just written (which a
// pending list of the GIN indexes held unsorted, and made the planner
// scan claim_search instead); on SQLite through the full-text tables.
func TestSearchReadsItsIndexes(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler)})
			ctx := context.Background()
			if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: 2000, SourcesPerClaim: 1, Published: true, Seed: 3}); err != nil {
				t.Fatal(err)
			}
			// A word that is nowhere, and the inside of a rare surname:
			// both ask the substring index too, once the word index has
			// listed what it finds.
			for _, q := range []string{"qwzxv", "elle"} {
				plans, err := s.QueryPlansForTest(ctx, func(ctx context.Context) error {
					_, _, err := s.Search(ctx, q, 1, 20)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				inside := false
				for _, p := range plans {
					plan := p.String()
					if !strings.Contains(p.SQL, "claim_search") && !strings.Contains(p.SQL, "claims_fts") && !strings.Contains(p.SQL, "claims_trgm") {
						continue // the rows of the page, by id
					}
					switch engine {
					case "postgres":
						if strings.Contains(plan, "Seq Scan on claim_search") {
							t.Errorf("%q scans claim_search:\n%s", q, plan)
						}
						if strings.Contains(p.SQL, "strpos") {
							inside = true
							if !strings.Contains(plan, "idx_claim_search_grams") {
								t.Errorf("%q: the search inside words does not read the trigram index:\n%s", q, plan)
							}
						}
					default:
						if strings.Contains(p.SQL, "claims_trgm") {
							inside = true
							if !strings.Contains(plan, "VIRTUAL TABLE INDEX") {
								t.Errorf("%q: the search inside words does not read the trigram table's index:\n%s", q, plan)
							}
						}
					}
				}
				if !inside {
					t.Errorf("%q did not search inside words", q)
				}
			}
		})
	}
}
