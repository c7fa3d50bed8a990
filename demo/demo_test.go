package demo_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"claimtracker/demo"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestLoadFillsAnEmptyDatabaseOnce(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		var out bytes.Buffer
		accounts, err := demo.Load(ctx, s, &out)
		if err != nil {
			t.Fatal(err)
		}
		if len(accounts) != 4 {
			t.Fatalf("accounts: %+v", accounts)
		}
		for _, a := range accounts {
			if len(a.Password) < 12 || !strings.Contains(out.String(), a.Password) || !strings.Contains(out.String(), a.Email) {
				t.Errorf("account %s not printed with its password", a.Email)
			}
			if _, _, err := s.Login(ctx, models.Meta{}, a.Email, a.Password); err != nil {
				t.Errorf("demo login %s: %v", a.Email, err)
			}
		}
		// Every state of the workflow is there.
		counts := map[models.ClaimStatus]int{}
		claims, err := s.ListClaims(ctx, models.ClaimFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range claims {
			counts[c.Status]++
		}
		if counts[models.ClaimPublished] != 3 || counts[models.ClaimRetracted] != 1 || counts[models.ClaimInReview] != 1 || counts[models.ClaimDraft] != 1 ||
			counts[models.ClaimResearching] != 2 {
			t.Fatalf("claims by status: %v", counts)
		}
		// The desk has work assigned, due and discussed.
		ed, _ := s.UserByEmail(ctx, "editor@demo.example")
		desk, err := s.DeskCounts(ctx, ed)
		if err != nil || desk.AssignedToMe != 2 || desk.DueSoon != 2 || desk.SentBack != 1 {
			t.Fatalf("the editor's desk: %+v %v", desk, err)
		}
		notes := 0
		for _, c := range claims {
			n, err := s.ClaimNotes(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, note := range n {
				notes++
				if len(note.Mentions) != 1 {
					t.Errorf("demo note %q mentions %d colleagues", note.Body, len(note.Mentions))
				}
			}
		}
		if notes != 2 {
			t.Errorf("the demo has %d notes", notes)
		}
		seed, err := s.PublicClaim(ctx, "sessions-told-senators-he-had-no-communications-with-the-russians")
		if err != nil {
			t.Fatal(err)
		}
		if seed.CurrentVerdict() == nil || seed.CurrentVerdict().RatingSlug != "false" || len(seed.Sources) != 4 || seed.Person.Name != "Jeff Sessions" {
			t.Fatalf("seed case: %+v", seed)
		}
		if got := seed.Sources[1]; got.Stance != models.StanceContradicts || models.FormatDate(got.PublishedAt) != "2017-03-01" {
			t.Fatalf("seed report: %+v", got)
		}
		// The queue has one verdict for the reviewers; one was sent back.
		rev, _ := s.UserByEmail(ctx, "reviewer@demo.example")
		if q, _ := s.ReviewQueue(ctx, rev, models.QueueFilter{}); len(q) != 1 {
			t.Fatalf("review queue: %+v", q)
		}
		if _, err := demo.Load(ctx, s, &out); !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second load: %v", err)
		}
	})
}
