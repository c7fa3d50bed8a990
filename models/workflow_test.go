package models_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// desk is a newsroom of one admin, two editors and two reviewers.
type desk struct {
	s              *models.Store
	admin, ed, ed2 *models.User
	rev, rev2      *models.User
	ctx            context.Context
	m              models.Meta
}

func newDesk(t *testing.T, s *models.Store) *desk {
	return &desk{
		s: s, ctx: context.Background(), m: models.Meta{IP: "192.0.2.7", RequestID: "req-1"},
		admin: modelstest.User(t, s, "admin@example.org", models.RoleAdmin),
		ed:    modelstest.User(t, s, "ed@example.org", models.RoleEditor),
		ed2:   modelstest.User(t, s, "ed2@example.org", models.RoleEditor),
		rev:   modelstest.User(t, s, "rev@example.org", models.RoleReviewer),
		rev2:  modelstest.User(t, s, "rev2@example.org", models.RoleReviewer),
	}
}

func sworn() models.ClaimInput {
	return models.ClaimInput{
		Text:    "I did not have communications with the Russians",
		Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions",
		SaidAt:  "2017-01-10",
		Setting: "Senate confirmation hearing, under oath",
		Appearances: []models.AppearanceInput{{URL: "https://www.judiciary.senate.gov/meetings/01/10/2017/nomination-hearing",
			Date: "2017-01-10", Where: "Senate confirmation hearing"}},
		Tags: []string{"Russia", "Confirmation hearings", "russia"},
	}
}

func report() models.SourceInput {
	return models.SourceInput{
		URL:   "https://www.washingtonpost.com/world/national-security/sessions-spoke-twice-with-russian-ambassador",
		Title: "Sessions spoke twice with Russian ambassador", Outlet: "The Washington Post", PublishedAt: "2017-03-01",
		Kind: models.SourceNewsReport, Stance: models.StanceContradicts, Excerpt: "met twice last year with the Russian ambassador",
	}
}

func TestSeedCaseFromDraftToPublished(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != models.ClaimDraft || c.Slug != "sessions-said-he-had-no-communications-with-the-russians" {
			t.Fatalf("new claim: %s %q", c.Status, c.Slug)
		}
		if got := strings.Join(c.TagNames(), ","); got != "confirmation-hearings,russia" {
			t.Fatalf("tags %q", got)
		}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); err != nil {
			t.Fatal(err)
		}
		denial := models.SourceInput{URL: "https://www.justice.gov/opa/pr/attorney-general-sessions-statement", Title: "Statement",
			PublishedAt: "2017-03-02", Kind: models.SourceStatement, Stance: models.StanceContext,
			Excerpt: "I have no idea what this allegation is about - it is false"}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, denial); err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings in **2016**."})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetClaim(d.ctx, c.ID); got.Status != models.ClaimInReview {
			t.Fatalf("after proposal claim is %s", got.Status)
		}
		// Sent back, revised, approved.
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges}); models.FieldErrors(err)["comment"] == "" {
			t.Fatalf("request changes without a comment: %v", err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Cite the hearing transcript."}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetClaim(d.ctx, c.ID)
		if got.Status != models.ClaimResearching || got.DeskStatus() != models.ClaimSentBack || got.OpenVerdict() == nil || got.OpenVerdict().Status != models.VerdictChangesRequested {
			t.Fatalf("after changes requested: claim %s", got.Status)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev2, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("approving a sent-back verdict: %v", err)
		}
		if _, err := s.ReviseVerdict(d.ctx, d.ed2, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "x", Explanation: "y"}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("another editor revising: %v", err)
		}
		v, err = s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings in 2016, per the hearing transcript."})
		if err != nil || v.Version != 2 || v.Status != models.VerdictInReview {
			t.Fatalf("revise: %+v %v", v, err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.ed2, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("editor approving: %v", err)
		}
		res, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove, Comment: "Good."})
		if err != nil || !res.Published {
			t.Fatalf("approve: %+v %v", res, err)
		}
		got, _ = s.GetClaim(d.ctx, c.ID)
		cv := got.CurrentVerdict()
		if got.Status != models.ClaimPublished || got.PublishedAt == nil || cv == nil || cv.RatingLabel != "False" || len(cv.Reviews) != 2 {
			t.Fatalf("published claim: %+v", got)
		}
		if len(got.Sources) != 2 || got.Sources[0].Stance != models.StanceContradicts {
			t.Fatalf("sources in date order: %+v", got.Sources)
		}
		// Published claims are fixed: edits and evidence changes conflict.
		text := "changed"
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Text: &text}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("editing a published claim: %v", err)
		}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("adding a source to a published claim: %v", err)
		}
		hist, err := s.ClaimHistory(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range hist {
			actions = append(actions, e.Action)
		}
		want := "claim.create,source.add,source.add,verdict.propose,review.request_changes,verdict.revise,review.approve,claim.publish"
		if strings.Join(actions, ",") != want {
			t.Fatalf("history:\n got %s\nwant %s", strings.Join(actions, ","), want)
		}
		if hist[0].IP != "192.0.2.7" || hist[0].Actor != "ed@example.org" || !strings.Contains(hist[0].After, "Senate confirmation hearing") {
			t.Fatalf("first event: %+v", hist[0])
		}
	})
}

func TestNewVerdictSupersedesWithARatingChange(t *testing.T) {
	modelstest.ForEach(t, models.Config{ReviewQuorum: 2}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		v1, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "h", Explanation: "e"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ProposeVerdict(d.ctx, d.ed2, d.m, c.ID, models.VerdictInput{Rating: "true", Headline: "h", Explanation: "e"}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("second open verdict: %v", err)
		}
		// Quorum 2: one approval is not enough; the same reviewer twice counts once.
		if r, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v1.ID, models.ReviewInput{Version: v1.Version, Decision: models.DecisionApprove}); err != nil || r.Published {
			t.Fatalf("first approval: %+v %v", r, err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v1.ID, models.ReviewInput{Version: v1.Version, Decision: models.DecisionApprove}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("double approval: %v", err)
		}
		if r, err := s.ReviewVerdict(d.ctx, d.admin, d.m, v1.ID, models.ReviewInput{Version: v1.Version, Decision: models.DecisionApprove}); err != nil || !r.Published {
			t.Fatalf("second approval: %+v %v", r, err)
		}
		// The scale changes later; the published verdict keeps its label.
		if _, err := s.UpdateRating(d.ctx, d.admin, d.m, "false", models.RatingInput{Label: "Wrong", Position: 6, Ordered: true}); err != nil {
			t.Fatal(err)
		}
		v2, err := s.ProposeVerdict(d.ctx, d.ed2, d.m, c.ID, models.VerdictInput{Rating: "mostly-false", Headline: "h2", Explanation: "e2"})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetClaim(d.ctx, c.ID); got.Status != models.ClaimPublished {
			t.Fatalf("a claim with a new verdict in review stays published, got %s", got.Status)
		}
		for _, r := range []*models.User{d.rev, d.rev2} {
			if _, err := s.ReviewVerdict(d.ctx, r, d.m, v2.ID, models.ReviewInput{Version: v2.Version, Decision: models.DecisionApprove}); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := s.GetClaim(d.ctx, c.ID)
		if len(got.Verdicts) != 2 || got.Verdicts[0].Status != models.VerdictSuperseded || got.Verdicts[0].RatingLabel != "False" {
			t.Fatalf("old verdict: %+v", got.Verdicts[0])
		}
		if cv := got.CurrentVerdict(); cv == nil || cv.ID != v2.ID || cv.RatingLabel != "Mostly false" {
			t.Fatalf("current verdict: %+v", cv)
		}
		if len(got.Corrections) != 1 || got.Corrections[0].Kind != models.CorrectionRatingChange ||
			got.Corrections[0].OldRating != "False" || got.Corrections[0].NewRating != "Mostly false" {
			t.Fatalf("rating change correction: %+v", got.Corrections)
		}
	})
}

func TestCorrectionsAndRetraction(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: "n"}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("correcting a draft: %v", err)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "n"); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("retracting a draft: %v", err)
		}
		v, _ := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "h", Explanation: "e"})
		if _, err := s.ReviewVerdict(d.ctx, d.ed, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("editor approving own: %v", err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		before, _ := s.GetClaim(d.ctx, c.ID)
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionRatingChange, Note: "n"}); models.FieldErrors(err)["kind"] == "" {
			t.Fatalf("hand-made rating change: %v", err)
		}
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: ""}); models.FieldErrors(err)["note"] == "" {
			t.Fatalf("empty note: %v", err)
		}
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "The hearing was on 10 January."}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RetractClaim(d.ctx, d.ed, d.m, c.ID, "n"); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("editor retracting: %v", err)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "We could not confirm the transcript."); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetClaim(d.ctx, c.ID)
		if got.Status != models.ClaimRetracted || got.RetractedAt == nil || len(got.Corrections) != 2 || got.Corrections[1].Kind != models.CorrectionRetraction {
			t.Fatalf("retracted: %+v", got)
		}
		if !got.UpdatedAt.After(before.UpdatedAt) && !got.UpdatedAt.Equal(before.UpdatedAt) {
			t.Fatal("updated_at went back")
		}
	})
}

func TestClaimValidationNamesTheField(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	d := newDesk(t, s)
	long := strings.Repeat("x", 76)
	cases := []struct {
		mod   func(*models.ClaimInput)
		field string
	}{
		{func(in *models.ClaimInput) { in.Text = " " }, "text"},
		{func(in *models.ClaimInput) { in.Summary = long }, "summary"},
		{func(in *models.ClaimInput) { in.Speaker = "" }, "speaker"},
		{func(in *models.ClaimInput) { in.SaidAt = "2017-02-30" }, "said_at"},
		{func(in *models.ClaimInput) { in.SaidAt = "10/01/2017" }, "said_at"},
		{func(in *models.ClaimInput) { in.Appearances[0].URL = "javascript:alert(1)" }, "appearances[0].url"},
		{func(in *models.ClaimInput) { in.Appearances[0].URL = "ftp://example.org/x" }, "appearances[0].url"},
		{func(in *models.ClaimInput) { in.Appearances[0].Date = "2017-13-01" }, "appearances[0].date"},
		{func(in *models.ClaimInput) { in.Appearances[0].Where = long + long + long + long + long }, "appearances[0].where"},
		{func(in *models.ClaimInput) {
			in.Appearances = append(in.Appearances, models.AppearanceInput{URL: " " + in.Appearances[0].URL})
		}, "appearances[1].url"},
		{func(in *models.ClaimInput) { in.Appearances = make([]models.AppearanceInput, models.MaxAppearances+1) }, "appearances"},
		{func(in *models.ClaimInput) { in.SpeakerKind = "robot" }, "speaker_kind"},
		{func(in *models.ClaimInput) { id := uint(999); in.ArticleID = &id }, "article_id"},
	}
	for _, tc := range cases {
		in := sworn()
		tc.mod(&in)
		_, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if models.FieldErrors(err)[tc.field] == "" {
			t.Errorf("%s: err = %v", tc.field, err)
		}
	}
	src := report()
	src.Kind, src.Stance, src.URL = "rumour", "maybe", "notaurl"
	c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
	_, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, src)
	f := models.FieldErrors(err)
	if f["kind"] == "" || f["stance"] == "" || f["url"] == "" {
		t.Fatalf("source fields: %v", err)
	}
	if _, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "pants-on-fire", Headline: "h", Explanation: "e"}); models.FieldErrors(err)["rating"] == "" {
		t.Fatalf("unknown rating: %v", err)
	}
	if _, err := s.AddSource(d.ctx, d.ed, d.m, 4242, report()); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("source on unknown claim: %v", err)
	}
	// Nothing refused was written.
	got, _ := s.GetClaim(d.ctx, c.ID)
	if len(got.Sources) != 0 || len(got.Verdicts) != 0 {
		t.Fatalf("refused input left rows: %+v", got)
	}
	if people, _ := s.CountPeople(d.ctx); people != 1 {
		t.Fatalf("people = %d, want only Jeff Sessions", people)
	}
}

func TestSimilarClaimsFindsTheSameClaimLoggedAgain(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		first, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		other := sworn()
		other.Text, other.Summary, other.Speaker = "Unemployment fell to its lowest level in fifty years", "Unemployment at a fifty-year low", "Someone Else"
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, other); err != nil {
			t.Fatal(err)
		}
		again := "Sessions: I did not have any communications with Russians"
		sim, err := s.SimilarClaims(d.ctx, again, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(sim) != 1 || sim[0].ID != first.ID || sim[0].Score < 0.5 || sim[0].Speaker != "Jeff Sessions" {
			t.Fatalf("similar = %+v", sim)
		}
		if sim, _ := s.SimilarClaims(d.ctx, again, first.ID, 5); len(sim) != 0 {
			t.Fatalf("excluded claim came back: %+v", sim)
		}
		for _, q := range []string{`"`, `NEAR(a b)`, `*`, `OR AND NOT`, `ü ß 日本語`, strings.Repeat("x ", 5000)} {
			if _, err := s.SimilarClaims(d.ctx, q, 0, 5); err != nil {
				t.Errorf("similar(%q): %v", q[:min(len(q), 20)], err)
			}
		}
		// Editing the claim's words updates the index in the same step.
		newText := "Unrelated words about tariffs and soybeans"
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, first.ID, models.ClaimPatch{Text: &newText, Summary: &newText}); err != nil {
			t.Fatal(err)
		}
		if sim, _ := s.SimilarClaims(d.ctx, again, 0, 5); len(sim) != 0 {
			t.Fatalf("stale index: %+v", sim)
		}
		if sim, _ := s.SimilarClaims(d.ctx, "soybeans tariffs", 0, 5); len(sim) != 1 {
			t.Fatalf("reindexed claim not found: %+v", sim)
		}
	})
}

func TestSpeakersAreMatchedByName(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	d := newDesk(t, s)
	a, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
	in := sworn()
	in.Speaker, in.Summary = "jeff sessions", "Another summary"
	b, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.PersonID != b.PersonID {
		t.Fatal("same speaker in another case made a second person")
	}
	org := sworn()
	org.Speaker, org.SpeakerKind, org.Summary = "The Justice Department", models.KindOrganization, "Org summary"
	c, _ := s.CreateClaim(d.ctx, d.ed, d.m, org)
	got, _ := s.GetClaim(d.ctx, c.ID)
	if got.Person.Kind != models.KindOrganization || got.Person.Slug != "the-justice-department" {
		t.Fatalf("organisation speaker: %+v", got.Person)
	}
	dup := sworn()
	x, _ := s.CreateClaim(d.ctx, d.ed, d.m, dup)
	if x.Slug != "sessions-said-he-had-no-communications-with-the-russians-2" {
		t.Fatalf("second slug %q", x.Slug)
	}
}

// A verdict still in review when its published claim is retracted can no
// longer publish it.
func TestRetractionClosesTheWayBackToPublished(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c := d.publish(t, sworn(), "false")
		v2, err := s.ProposeVerdict(d.ctx, d.ed2, d.m, c.ID, models.VerdictInput{Rating: "mostly-false", Headline: "h", Explanation: "e"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "Retracted."); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev2, d.m, v2.ID, models.ReviewInput{Version: v2.Version, Decision: models.DecisionApprove}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("approving after retraction: %v", err)
		}
		if _, err := s.ReviseVerdict(d.ctx, d.ed2, d.m, v2.ID, models.VerdictInput{Rating: "false", Headline: "h", Explanation: "e"}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("revising after retraction: %v", err)
		}
		if got, _ := s.GetClaim(d.ctx, c.ID); got.Status != models.ClaimRetracted {
			t.Fatalf("claim is %s", got.Status)
		}
	})
}

func TestUndatedSourcesComeLastOnEveryEngine(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		undated := report()
		undated.PublishedAt, undated.Title = "", "Undated"
		for _, in := range []models.SourceInput{undated, report()} {
			if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, in); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := s.GetClaim(d.ctx, c.ID)
		if got.Sources[1].Title != "Undated" {
			t.Fatalf("sources: %s, %s", got.Sources[0].Title, got.Sources[1].Title)
		}
	})
}
