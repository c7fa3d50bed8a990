package models_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// publish takes a claim through review to publication with rating.
func (d *desk) publish(t *testing.T, in models.ClaimInput, rating string) *models.Claim {
	t.Helper()
	c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, in)
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: rating, Headline: "Headline for " + in.Summary, Explanation: "Because the record shows otherwise."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPublicQueriesSeeOnlyPublishedClaims(t *testing.T) {
	// A clock that ticks a second per read, so every change has its own time.
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(time.Second); return now }
	modelstest.ForEach(t, models.Config{Now: clock}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		pub := d.publish(t, sworn(), "false")
		other := sworn()
		other.Text, other.Summary, other.Speaker, other.Tags = "Crime fell by half in the city since 2019", "Crime halved since 2019", "The Mayor's Office", []string{"crime"}
		other.SpeakerKind = models.KindOrganization
		pub2 := d.publish(t, other, "mostly-true")
		draft := sworn()
		draft.Summary = "A draft nobody may see"
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, draft); err != nil {
			t.Fatal(err)
		}
		items, more, err := s.PublicClaims(d.ctx, models.PublicQuery{})
		if err != nil || more || len(items) != 2 || items[0].ID != pub2.ID || items[1].RatingLabel != "False" || items[1].PersonName != "Jeff Sessions" {
			t.Fatalf("public list: %+v more=%v err=%v", items, more, err)
		}
		for _, q := range []models.PublicQuery{{Rating: "false"}, {Person: "jeff-sessions"}, {Tag: "russia"}} {
			got, _, err := s.PublicClaims(d.ctx, q)
			if err != nil || len(got) != 1 || got[0].ID != pub.ID {
				t.Errorf("filter %+v: %+v %v", q, got, err)
			}
		}
		if got, more, _ := s.PublicClaims(d.ctx, models.PublicQuery{PerPage: 1}); len(got) != 1 || !more {
			t.Errorf("page 1 of 1: %d more=%v", len(got), more)
		}
		if _, err := s.PublicClaim(d.ctx, "a-draft-nobody-may-see"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("draft by slug: %v", err)
		}

		// Search: every word must match; matches are marked; drafts never show.
		res, _, err := s.Search(d.ctx, `communications RUSSIANS "`, 1, 10)
		if err != nil || len(res) != 1 || res[0].ID != pub.ID || !strings.Contains(res[0].Snippet, models.HighlightStart) {
			t.Fatalf("search: %+v %v", res, err)
		}
		if res, _, _ := s.Search(d.ctx, "draft nobody", 1, 10); len(res) != 0 {
			t.Fatalf("search found a draft: %+v", res)
		}
		if res, _, _ := s.Search(d.ctx, "mayor", 1, 10); len(res) != 1 || res[0].ID != pub2.ID {
			t.Fatalf("search by speaker: %+v", res)
		}
		for _, q := range []string{`"`, `*`, `NEAR(a b)`, `a OR`, `-x`, `ü 日本`, `'; DROP TABLE claims; --`} {
			if _, _, err := s.Search(d.ctx, q, 1, 10); err != nil {
				t.Errorf("search %q: %v", q, err)
			}
		}
		if _, _, err := s.Search(d.ctx, strings.Repeat("a", 10_000), 1, 10); !errors.Is(err, models.ErrQueryTooLong) {
			t.Fatalf("long query: %v", err)
		}

		// Versions change when the page's content changes, and only then.
		v1, err := s.ClaimPageVersion(d.ctx, pub.Slug)
		if err != nil {
			t.Fatal(err)
		}
		site1, _ := s.SiteVersion(d.ctx)
		v1again, _ := s.ClaimPageVersion(d.ctx, pub.Slug)
		if v1 != v1again {
			t.Fatal("version changed without a change")
		}
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, pub.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "Clarified the date."}); err != nil {
			t.Fatal(err)
		}
		v2, _ := s.ClaimPageVersion(d.ctx, pub.Slug)
		site2, _ := s.SiteVersion(d.ctx)
		if v2 == v1 || site2.Tag == site1.Tag || !site2.Modified.After(site1.Modified) {
			t.Fatalf("correction left versions unchanged: %+v %v", v2, site2)
		}
		if _, err := s.UpdateRating(d.ctx, d.admin, d.m, "false", models.RatingInput{Label: "False", Description: "Not accurate at all.", Position: 6, Ordered: true}); err != nil {
			t.Fatal(err)
		}
		if v3, _ := s.ClaimPageVersion(d.ctx, pub.Slug); v3 == v2 {
			t.Fatal("a scale change left the claim page version unchanged")
		}
		v3, _ := s.ClaimPageVersion(d.ctx, pub.Slug)
		if _, err := s.UpdateSettings(d.ctx, d.admin, d.m, models.SiteSettings{OrganizationName: "The Daily Check", CorrectionsPolicy: "We fix errors."}); err != nil {
			t.Fatal(err)
		}
		if v4, _ := s.ClaimPageVersion(d.ctx, pub.Slug); v4 == v3 {
			t.Fatal("a settings change left the claim page version unchanged")
		}
		if st, _ := s.Settings(d.ctx); st.OrganizationName != "The Daily Check" || st.OrganizationURL != "" {
			t.Fatalf("settings: %+v", st)
		}
		if _, err := s.UpdateSettings(d.ctx, d.ed, d.m, models.SiteSettings{OrganizationName: "x", CorrectionsPolicy: "y"}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("editor changing settings: %v", err)
		}
		if _, err := s.UpdateSettings(d.ctx, d.admin, d.m, models.SiteSettings{OrganizationName: "x", OrganizationURL: "javascript:x", CorrectionsPolicy: "y"}); models.FieldErrors(err)["organization_url"] == "" {
			t.Fatalf("bad organisation URL: %v", err)
		}
		if _, err := s.ClaimPageVersion(d.ctx, "a-draft-nobody-may-see"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("draft version: %v", err)
		}

		card, err := s.Scorecard(d.ctx, pub.PersonID)
		if err != nil || len(card) != 7 || card[5].RatingSlug != "false" || card[5].Count != 1 || card[0].Count != 0 {
			t.Fatalf("scorecard: %+v %v", card, err)
		}
		corr, err := s.LatestCorrections(d.ctx, 10)
		if err != nil || len(corr) != 1 || corr[0].ClaimSlug != pub.Slug {
			t.Fatalf("corrections: %+v %v", corr, err)
		}
		n := 0
		if err := s.EachPublic(d.ctx, func(models.PublicItem) error { n++; return nil }); err != nil || n != 2 {
			t.Fatalf("each public: %d %v", n, err)
		}
	})
}
