package models_test

import (
	"errors"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestDeleteDraftClaim: the author or an admin deletes a draft, sent-back
// verdict, sources and all; anyone else is refused, a stale reading
// changes nothing, and the audit log keeps what was deleted. Nothing
// public changes.
func TestDeleteDraftClaim(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings in 2016."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Cite the transcript."}); err != nil {
			t.Fatal(err)
		}
		site, err := s.SiteVersion(d.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, who := range []*models.User{d.ed2, d.rev} {
			if err := s.DeleteClaim(d.ctx, who, d.m, c.ID, 0); !errors.Is(err, models.ErrForbidden) {
				t.Errorf("%s deleting another's draft: %v, want forbidden", who.Email, err)
			}
		}
		var stale *models.StaleError
		if err := s.DeleteClaim(d.ctx, d.ed, d.m, c.ID, 7); !errors.As(err, &stale) {
			t.Errorf("deleting from a stale reading: %v", err)
		}
		if err := s.DeleteClaim(d.ctx, d.ed, d.m, c.ID+100, 0); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("deleting no claim: %v", err)
		}
		if _, err := s.GetClaim(d.ctx, c.ID); err != nil {
			t.Fatalf("a refused deletion removed the claim: %v", err)
		}
		if err := s.DeleteClaim(d.ctx, d.ed, d.m, c.ID, 1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.GetClaim(d.ctx, c.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("deleted claim: %v", err)
		}
		if sim, err := s.SimilarClaims(d.ctx, sworn().Text, 0, 5); err != nil || len(sim) != 0 {
			t.Errorf("the deleted claim is still indexed: %+v %v", sim, err)
		}
		if got := strings.Join(auditActions(t, d, "claim", c.ID), ","); !strings.HasSuffix(got, ",review.request_changes,claim.delete") {
			t.Errorf("audit of the claim: %s", got)
		}
		ev, _ := s.AuditEvents(d.ctx, models.AuditQuery{Action: "claim.delete"})
		if len(ev) != 1 || ev[0].Actor != "ed@example.org" || !strings.Contains(ev[0].Before, sworn().Text) ||
			!strings.Contains(ev[0].Before, `"sources":1,"verdicts":1`) || ev[0].After != "" {
			t.Errorf("claim.delete event: %+v", ev)
		}
		if after, _ := s.SiteVersion(d.ctx); after.Tag != site.Tag {
			t.Errorf("deleting a draft changed the public version: %s → %s", site.Tag, after.Tag)
		}

		// An admin may delete anyone's draft; the same words may be logged again.
		again, err := s.CreateClaim(d.ctx, d.ed2, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteClaim(d.ctx, d.admin, d.m, again.ID, 0); err != nil {
			t.Fatalf("admin deleting a draft: %v", err)
		}
	})
}

// TestPublishedClaimsAreNeverDeleted: a claim in review, published or
// retracted is refused (conflict), even to an admin, and stays as it was.
func TestPublishedClaimsAreNeverDeleted(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings in 2016."})
		if err != nil {
			t.Fatal(err)
		}
		refused := func(state string) {
			t.Helper()
			events := len(auditActions(t, d, "claim", c.ID))
			for _, who := range []*models.User{d.ed, d.admin} {
				if err := s.DeleteClaim(d.ctx, who, d.m, c.ID, 0); !errors.Is(err, models.ErrConflict) {
					t.Errorf("%s deleting a claim %s: %v, want conflict", who.Email, state, err)
				}
			}
			if got, err := s.GetClaim(d.ctx, c.ID); err != nil || len(got.Sources) != 1 || len(got.Verdicts) == 0 {
				t.Errorf("claim %s after refused deletions: %+v %v", state, got, err)
			}
			if n := len(auditActions(t, d, "claim", c.ID)); n != events {
				t.Errorf("refused deletions of a claim %s wrote %d audit events", state, n-events)
			}
		}
		refused("in review")
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		refused("published")
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "Withdrawn while we check the transcript."); err != nil {
			t.Fatal(err)
		}
		refused("retracted")
	})
}

// TestDeleteArticle: whoever logged an article, or an admin, deletes it
// while no claim found in it is public; its drafts stay, unlinked, each
// with a history event. An article with a published or retracted claim
// is refused, even to an admin.
func TestDeleteArticle(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		logArticle := func(url string) *models.Article {
			t.Helper()
			a, err := s.CreateArticle(d.ctx, d.ed, d.m, models.ArticleInput{URL: url, Title: "Sessions met Russian envoy", Text: "Text."})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		fromArticle := func(who *models.User, a *models.Article) *models.Claim {
			t.Helper()
			in := sworn()
			in.ArticleID = &a.ID
			c, err := s.CreateClaim(d.ctx, who, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		a := logArticle("https://example.org/2017/03/02/sessions-russia")
		draft := fromArticle(d.ed2, a)
		site, _ := s.SiteVersion(d.ctx)
		for _, who := range []*models.User{d.ed2, d.rev} {
			if err := s.DeleteArticle(d.ctx, who, d.m, a.ID); !errors.Is(err, models.ErrForbidden) {
				t.Errorf("%s deleting an article logged by another: %v", who.Email, err)
			}
		}
		if err := s.DeleteArticle(d.ctx, d.ed, d.m, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.GetArticle(d.ctx, a.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("deleted article: %v", err)
		}
		got, err := s.GetClaim(d.ctx, draft.ID)
		if err != nil || got.ArticleID != nil || got.Text != sworn().Text {
			t.Fatalf("the draft found in the article: %+v %v", got, err)
		}
		if acts := strings.Join(auditActions(t, d, "claim", draft.ID), ","); acts != "claim.create,claim.article_delete" {
			t.Errorf("the draft's history: %s", acts)
		}
		ev, _ := s.AuditEvents(d.ctx, models.AuditQuery{ObjectType: "article", ObjectID: a.ID, Action: "article.delete"})
		if len(ev) != 1 || !strings.Contains(ev[0].Before, `"url":"https://example.org/2017/03/02/sessions-russia"`) ||
			!strings.Contains(ev[0].Before, `"claims":[`) {
			t.Errorf("article.delete event: %+v", ev)
		}
		if after, _ := s.SiteVersion(d.ctx); after.Tag != site.Tag {
			t.Errorf("deleting an article changed the public version: %s → %s", site.Tag, after.Tag)
		}

		// Found in a published claim, then a retracted one: kept.
		b := logArticle("https://example.org/2017/03/03/sessions-recuses")
		pub := fromArticle(d.ed, b)
		if _, err := s.AddSource(d.ctx, d.ed, d.m, pub.ID, report()); err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, pub.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings in 2016."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		for _, retract := range []bool{false, true} {
			if retract {
				if _, err := s.RetractClaim(d.ctx, d.rev, d.m, pub.ID, "Withdrawn while we check the transcript."); err != nil {
					t.Fatal(err)
				}
			}
			for _, who := range []*models.User{d.ed, d.admin} {
				if err := s.DeleteArticle(d.ctx, who, d.m, b.ID); !errors.Is(err, models.ErrConflict) {
					t.Errorf("%s deleting an article with a public claim (retracted %v): %v", who.Email, retract, err)
				}
			}
			if got, err := s.GetClaim(d.ctx, pub.ID); err != nil || got.ArticleID == nil || *got.ArticleID != b.ID {
				t.Errorf("the public claim lost its article: %+v %v", got, err)
			}
		}
		if _, err := s.GetArticle(d.ctx, b.ID); err != nil {
			t.Errorf("refused deletion removed the article: %v", err)
		}
	})
}
