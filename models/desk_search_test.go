package models_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// deskFind lists the ids of the claims the desk's search finds for q,
// with the filter f otherwise.
func deskFind(t testing.TB, d *desk, q string, f models.ClaimFilter) []uint {
	t.Helper()
	f.Words = models.DeskSearchWords(q)
	claims, err := d.s.ListClaims(d.ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]uint, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	slices.Sort(ids)
	return ids
}

// The desk's search finds a claim, whatever its status, by its words, its
// summary, its speaker, the title of its article and its verdict in review
// (headline, explanation, rating label), folded as every search folds; it
// follows the changes of each (a verdict proposed, a rating relabelled, an
// article deleted), and Migrate fills the texts of claims that have none.
func TestDeskSearchFindsEveryFieldOfEveryClaim(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		a, err := s.CreateArticle(d.ctx, d.ed, d.m, models.ArticleInput{URL: "https://news.example.org/kvoldfrettir", Title: "Kvöldfréttir on the harbour tax",
			Text: "The harbour tax of the town went up by a tenth last year."})
		if err != nil {
			t.Fatal(err)
		}
		in := models.ClaimInput{Text: "The Éléphantine harbour tax doubled last year", Summary: "Harbour tax doubled in Ståhlberg",
			Speaker: "Zoë Quintrell", SaidAt: "2024-05-01", ArticleID: &a.ID}
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		want := []uint{c.ID}
		for _, q := range []string{"elephantine", "ÉLÉPHANTINE", "phant", "stahlberg", "zoe quintrell", "Kvoldfrettir", "KVÖLDFRÉTTIR harbour"} {
			if got := deskFind(t, d, q, models.ClaimFilter{}); !slices.Equal(got, want) {
				t.Errorf("%q finds %v, want %v", q, got, want)
			}
		}
		for _, q := range []string{"vrellmont", "elephantine nothingburger", "untrue"} {
			if got := deskFind(t, d, q, models.ClaimFilter{}); len(got) != 0 {
				t.Errorf("%q finds %v before anything holds it", q, got)
			}
		}
		if got := deskFind(t, d, "russians", models.ClaimFilter{}); !slices.Equal(got, []uint{other.ID}) {
			t.Errorf("russians finds %v", got)
		}
		// A verdict in review: its explanation, as plain text, and label.
		if _, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "Not doubled",
			Explanation: "The ledgers of **Vrellmont** show a rise of a tenth."}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"vrellmont", "ledgers of vrellmont", "not doubled", "false"} {
			if got := deskFind(t, d, q, models.ClaimFilter{}); !slices.Equal(got, want) {
				t.Errorf("with its verdict in review, %q finds %v, want %v", q, got, want)
			}
		}
		if _, err := s.UpdateRating(d.ctx, d.admin, d.m, "false", models.RatingInput{Label: "Untrue", Position: 6, Ordered: true}); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "untrue", models.ClaimFilter{}); !slices.Equal(got, want) {
			t.Errorf("after the rating's new label, untrue finds %v", got)
		}
		// The words narrow together with the other filters.
		if got := deskFind(t, d, "elephantine", models.ClaimFilter{Status: models.ClaimDraft, DeskStatus: true}); len(got) != 0 {
			t.Errorf("elephantine among drafts finds %v: the claim is in review", got)
		}
		if err := s.DeleteArticle(d.ctx, d.ed, d.m, a.ID); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "kvoldfrettir", models.ClaimFilter{}); len(got) != 0 {
			t.Errorf("after the article is deleted, its title finds %v", got)
		}
		// Texts missing (as after migration 00034) are filled as the store migrates.
		if err := s.ExecForTest(d.ctx, "DELETE FROM claim_desk_texts"); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "elephantine", models.ClaimFilter{}); len(got) != 0 {
			t.Fatalf("without texts, elephantine finds %v: the test proves nothing", got)
		}
		if _, err := s.Migrate(d.ctx); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "vrellmont elephantine", models.ClaimFilter{}); !slices.Equal(got, want) {
			t.Errorf("after Migrate, vrellmont elephantine finds %v", got)
		}
	})
}

// Bulk assignment goes through the single assignment's path: each claim
// newly assigned records an EventAssigned for its assignee and a
// "claim.triage" audit event; a refused assignee or a claim deleted
// meanwhile changes none.
func TestBulkAssignRecordsEachClaimsEvent(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		var ids []uint
		for i := range 3 {
			in := sworn()
			in.Summary = fmt.Sprintf("Claim %d to assign", i)
			c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		events := func() []models.ClaimEvent {
			ev, err := s.ClaimEvents(d.ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			return ev
		}
		if n := len(events()); n != 0 {
			t.Fatalf("%d events before: the test proves nothing", n)
		}
		if _, err := s.BulkAssign(d.ctx, d.ed, d.m, ids, 999999); models.FieldReasons(err)["assignee_id"].ID != "reasons.assignee" {
			t.Errorf("unknown assignee: %v", err)
		}
		if _, err := s.BulkAssign(d.ctx, d.ed, d.m, append(ids[:2:2], 999999), d.rev.ID); !errors.Is(err, models.ErrConflict) {
			t.Errorf("a claim that is not there: %v", err)
		}
		if n := len(events()); n != 0 {
			t.Fatalf("refused bulk assignments recorded %d events", n)
		}
		n, err := s.BulkAssign(d.ctx, d.ed, d.m, append(ids, ids[0]), d.rev.ID)
		if err != nil || n != 3 {
			t.Fatalf("bulk assign: %d, %v", n, err)
		}
		ev := events()
		if len(ev) != 3 {
			t.Fatalf("%d events, want 3", len(ev))
		}
		for i, e := range ev {
			if e.Kind != models.EventAssigned || e.ClaimID != ids[i] || e.UserID == nil || *e.UserID != d.rev.ID {
				t.Errorf("event %d: %+v", i, e)
			}
			audit, err := s.AuditEvents(d.ctx, models.AuditQuery{ObjectType: "claim", ObjectID: ids[i], Action: "claim.triage"})
			if err != nil || len(audit) != 1 {
				t.Errorf("claim %d: %d triage audit events, %v", ids[i], len(audit), err)
			}
		}
		// Assigned again to the same colleague, nothing changes.
		if _, err := s.BulkAssign(d.ctx, d.ed, d.m, ids, d.rev.ID); err != nil || len(events()) != 3 {
			t.Errorf("the same assignment again: %v, %d events", err, len(events()))
		}
		if _, err := s.BulkAssign(d.ctx, d.ed, d.m, nil, d.rev.ID); models.FieldReasons(err)["ids"].ID != "reasons.bulk_none" {
			t.Errorf("no claims: %v", err)
		}
		many := make([]uint, models.MaxBulkClaims+1)
		for i := range many {
			many[i] = uint(i + 1)
		}
		if _, err := s.BulkAssign(d.ctx, d.ed, d.m, many, d.rev.ID); models.FieldReasons(err)["ids"].ID != "reasons.max_items" {
			t.Errorf("too many claims: %v", err)
		}
	})
}

// BenchmarkDeskSearch measures the desk's search (ListClaims with words)
// over deskBenchClaims claims, half published with verdicts, half drafts,
// on each engine: a speaker's name (a few claims), a common word, two
// words with a status, a part of words, a word found nowhere (which reads
// every claim's text).
func BenchmarkDeskSearch(b *testing.B) {
	for _, engine := range modelstest.Engines() {
		b.Run(engine, func(b *testing.B) {
			s := modelstest.Open(b, engine, models.Config{Logger: slog.New(slog.DiscardHandler)})
			ctx := context.Background()
			if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: deskBenchClaims / 2, SourcesPerClaim: 1, Published: true, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: deskBenchClaims / 2, SourcesPerClaim: 1, Seed: 2}); err != nil {
				b.Fatal(err)
			}
			d := &desk{s: s, ctx: ctx}
			for _, q := range []struct{ name, q string }{{"rare", "Ximena Zeller"}, {"common", "budget"}, {"two-words", "wildlife oceans"}, {"inside-words", "ceans"}, {"none", "zzqxv"}} {
				b.Run(q.name, func(b *testing.B) {
					f := models.ClaimFilter{Limit: 51}
					if q.name == "two-words" {
						f.Status, f.DeskStatus = models.ClaimPublished, true
					}
					found := 0
					for b.Loop() {
						found = len(deskFind(b, d, q.q, f))
					}
					b.ReportMetric(float64(found), "found")
				})
			}
		})
	}
}

// deskBenchClaims is how many claims BenchmarkDeskSearch searches.
const deskBenchClaims = 5000

// The verdict of an update of a published fact-check is searched as the
// update is submitted and saved again, and no longer once withdrawn.
func TestDeskSearchFollowsAnUpdatesVerdict(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := d.published(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Headline: ptr("Zorblaxian ledgers settle it"), Note: ptr("New records."), Revision: u.Revision})
		if err != nil {
			t.Fatal(err)
		}
		if u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "zorblaxian", models.ClaimFilter{}); !slices.Equal(got, []uint{c.ID}) {
			t.Errorf("the submitted update's headline finds %v", got)
		}
		if u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Headline: ptr("Quuxalian ledgers settle it"), Revision: u.Revision}); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "quuxalian", models.ClaimFilter{}); !slices.Equal(got, []uint{c.ID}) {
			t.Errorf("the update's new headline finds %v", got)
		}
		if err := s.WithdrawUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision); err != nil {
			t.Fatal(err)
		}
		if got := deskFind(t, d, "quuxalian", models.ClaimFilter{}); len(got) != 0 {
			t.Errorf("the withdrawn update's headline still finds %v", got)
		}
	})
}
