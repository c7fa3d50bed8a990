package models_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A ?language= filter's first page walks the index of the public claims of
// the filter's primary language newest first (migration 00028) and stops
// after a page, however rare the language: no sort of every public claim
// (SQLite's plan before), no walk of every public claim newest first in
// search of a rare language (PostgreSQL's). And it still lists exactly the
// claims of the range: "ar" takes ar-EG, "pt-BR" leaves pt out. So do the
// other filters, and the list without any.
func TestLanguageFilterWalksItsIndexInListOrder(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler)})
			ctx := context.Background()
			if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: 2000, SourcesPerClaim: 1, Published: true, Seed: 3}); err != nil {
				t.Fatal(err)
			}
			// 85% en, 5% fr, 3% ar, 2% ar-EG, 1% pt, 1% pt-BR, 3% unknown.
			if err := s.ExecForTest(ctx, `UPDATE claims SET language = CASE
				WHEN id % 100 < 85 THEN 'en' WHEN id % 100 < 90 THEN 'fr' WHEN id % 100 < 93 THEN 'ar'
				WHEN id % 100 < 95 THEN 'ar-EG' WHEN id % 100 < 96 THEN 'pt' WHEN id % 100 < 97 THEN 'pt-BR' ELSE '' END`); err != nil {
				t.Fatal(err)
			}
			if err := s.ExecForTest(ctx, "ANALYZE"); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				q         models.PublicQuery
				langs     string // the languages the page may hold
				walkIndex bool   // the plan must walk the language index
			}{
				{models.PublicQuery{Language: "ar"}, "ar ar-EG", true},
				{models.PublicQuery{Language: "pt-BR"}, "pt-BR", true},
				{models.PublicQuery{Language: "en"}, "en", true},
				{models.PublicQuery{Language: "ar", Page: 2}, "ar ar-EG", true},
				{models.PublicQuery{Language: "ar", Rating: "false"}, "ar ar-EG", false},
			} {
				var items []models.PublicItem
				plans, err := s.QueryPlansForTest(ctx, func(ctx context.Context) error {
					var err error
					items, _, err = s.PublicClaims(ctx, tc.q)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				if len(items) == 0 {
					t.Fatalf("%+v: nothing listed", tc.q)
				}
				for i, it := range items {
					if !strings.Contains(" "+tc.langs+" ", " "+it.Language+" ") {
						t.Errorf("%+v listed a claim in %q", tc.q, it.Language)
					}
					if i > 0 && it.PublishedAt.After(*items[i-1].PublishedAt) {
						t.Errorf("%+v: not newest first", tc.q)
					}
				}
				plan := plans[0].String()
				if !strings.Contains(plans[0].SQL, "ORDER BY c.published_at DESC") {
					t.Fatalf("the first statement is not the page's ids: %s", plan)
				}
				for _, bad := range []string{"TEMP B-TREE", "Sort", "Seq Scan"} {
					if strings.Contains(plan, bad) {
						t.Errorf("%+v: %s in the plan:\n%s", tc.q, bad, plan)
					}
				}
				if tc.walkIndex && !strings.Contains(plan, "idx_claims_public_primary_language") {
					t.Errorf("%+v does not walk the language index:\n%s", tc.q, plan)
				}
			}
			// The other filters, and none, walk their indexes in order as
			// well: SQLite's planner took the index by status and date,
			// and sorted every public claim for the first page.
			people, err := s.PublicPeople(ctx)
			if err != nil || len(people) == 0 {
				t.Fatal(people, err)
			}
			for _, q := range []models.PublicQuery{{}, {Page: 5}, {Rating: "false"}, {Rating: "unproven"}, {Person: people[0].Slug}, {Tag: "budget"}} {
				plans, err := s.QueryPlansForTest(ctx, func(ctx context.Context) error {
					_, _, err := s.PublicClaims(ctx, q)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				plan := plans[0].String()
				if strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "Seq Scan") || strings.Contains(plan, "idx_claims_status") {
					t.Errorf("%+v does not walk its index in list order:\n%s", q, plan)
				}
				// The page's rows are read by id, each claim's verdict by
				// the claim: SQLite's planner walked every published
				// verdict instead.
				for _, p := range plans[1:] {
					if plan := p.String(); strings.Contains(plan, "idx_verdicts_status") || strings.Contains(plan, "Seq Scan on verdicts") {
						t.Errorf("%+v reads every published verdict:\n%s", q, plan)
					}
				}
			}
			langs, err := s.PublicLanguages(ctx)
			if err != nil || strings.Join(langs, " ") != "ar en fr pt" {
				t.Errorf("PublicLanguages = %q, %v", langs, err)
			}
		})
	}
}
