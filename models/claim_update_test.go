package models_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// published takes the sworn claim, with the report as its source, to
// publication rated False.
func (d *desk) published(t *testing.T) (*models.Claim, *models.Source) {
	t.Helper()
	c, src, v := d.proposed(t, "false")
	if _, err := d.review(d.rev, v.ID, v.Version); err != nil {
		t.Fatal(err)
	}
	return c, src
}

// A published fact-check changes only through an update that passes
// review: until then the public sees what was published; then everything
// the update proposed at once, with its public note in the corrections, and
// the earlier version kept.
func TestUpdateOfPublishedFactCheckIsReviewedThenPublished(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src := d.published(t)
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Text: ptr("typo")}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("a published claim edited in place: %v", err)
		}
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if u.Text != c.Text || u.Rating != "false" || len(u.Sources) != 1 || u.Sources[0].SourceID != src.ID || u.Headline == "" {
			t.Fatalf("an update starts as a copy of what is published: %+v", u)
		}
		if _, err := s.OpenUpdate(d.ctx, d.ed2, d.m, c.ID); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("a second open update: %v", err)
		}
		// The editor fixes the quote, edits the source, adds one, and keeps the rating.
		fixed := "I did not have communications with the Russians."
		edited := u.Sources[0]
		edited.Excerpt = "met twice with the Russian ambassador"
		added := models.UpdateSource{URL: "https://www.justice.gov/opa/pr/statement", Title: "Statement", PublishedAt: "2017-03-02",
			Kind: models.SourceStatement, Stance: models.StanceContext, Excerpt: "it is false"}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Text: &fixed, Sources: &[]models.UpdateSource{edited, added}, Revision: u.Revision})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision); models.FieldErrors(err)["note"] == "" {
			t.Fatalf("submitted without a public note: %v", err)
		}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Note: ptr("We corrected the quote and added his response."), Revision: u.Revision})
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision)
		if err != nil {
			t.Fatal(err)
		}
		// Before approval the public sees what was published.
		pub, err := s.PublicClaim(d.ctx, c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if pub.Text != c.Text || len(pub.Sources) != 1 || pub.Sources[0].Excerpt != src.Excerpt || len(pub.Corrections) != 0 {
			t.Fatalf("the public saw an update before review: %q %d sources", pub.Text, len(pub.Sources))
		}
		// The author may not approve it; a reviewer approves what was read.
		v := d.verdict(t, *u.VerdictID)
		if _, err := d.review(d.ed2, v.ID, v.Version); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("an editor approved: %v", err)
		}
		res, err := d.review(d.rev, v.ID, v.Version)
		if err != nil || !res.Published {
			t.Fatalf("approval did not publish: %v %+v", err, res)
		}
		pub, err = s.PublicClaim(d.ctx, c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if pub.Text != fixed || len(pub.Sources) != 2 {
			t.Fatalf("published update: %q, %d sources", pub.Text, len(pub.Sources))
		}
		if pub.Sources[0].ID != src.ID || pub.Sources[0].Excerpt != edited.Excerpt || pub.Sources[1].Excerpt != "it is false" {
			t.Fatalf("sources after the update: %+v", pub.Sources)
		}
		if len(pub.Corrections) != 1 || pub.Corrections[0].Kind != models.CorrectionUpdate || pub.Corrections[0].Note != "We corrected the quote and added his response." {
			t.Fatalf("corrections after the update: %+v", pub.Corrections)
		}
		if cur := pub.CurrentVerdict(); cur == nil || cur.ID != v.ID || cur.RatingSlug != "false" {
			t.Fatalf("current verdict: %+v", cur)
		}
		vs, err := s.ClaimPublications(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 2 || vs[0].Number != 1 || vs[0].Text != c.Text || len(vs[0].Sources) != 1 || vs[1].Text != fixed || vs[1].Note == "" {
			t.Fatalf("published versions: %+v", vs)
		}
		done, err := s.GetUpdate(d.ctx, u.ID)
		if err != nil || done.Status != models.UpdatePublished {
			t.Fatalf("update after publication: %v %+v", err, done)
		}
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Note: ptr("again")}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("a published update saved again: %v", err)
		}
	})
}

// A new rating is a rating change; a source left out is removed; an edit
// after submission makes a new version that the old approval does not
// cover.
func TestUpdateThatMovesTheRating(t *testing.T) {
	modelstest.ForEach(t, models.Config{ReviewQuorum: 2}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, v := d.publishedWithQuorum(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Rating: ptr("mostly-false"), Sources: &[]models.UpdateSource{},
			Note: ptr("A second record shows one meeting was brief.")})
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		nv := d.verdict(t, *u.VerdictID)
		if _, err := d.review(d.rev, nv.ID, nv.Version); err != nil {
			t.Fatal(err)
		}
		// The editor changes the headline: the first approval no longer counts.
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Headline: ptr("He met the ambassador, once briefly")}); err != nil {
			t.Fatal(err)
		}
		nv = d.verdict(t, nv.ID)
		if nv.Version != 2 || nv.Status != models.VerdictInReview {
			t.Fatalf("verdict after an edit: version %d %s", nv.Version, nv.Status)
		}
		if res, err := d.review(d.rev2, nv.ID, nv.Version); err != nil || res.Published {
			t.Fatalf("published with one approval of the new version: %v %+v", err, res)
		}
		if res, err := d.review(d.rev, nv.ID, nv.Version); err != nil || !res.Published {
			t.Fatalf("not published with the quorum: %v %+v", err, res)
		}
		pub, err := s.PublicClaim(d.ctx, c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if len(pub.Sources) != 0 || *pub.RatingSlug != "mostly-false" {
			t.Fatalf("after the update: %d sources, rating %v", len(pub.Sources), *pub.RatingSlug)
		}
		corr := pub.Corrections[len(pub.Corrections)-1]
		if corr.Kind != models.CorrectionRatingChange || corr.OldRating != "False" || corr.NewRating != "Mostly false" || !strings.Contains(corr.Note, "brief") {
			t.Fatalf("rating change: %+v", corr)
		}
		if d.verdict(t, v.ID).Status != models.VerdictSuperseded {
			t.Fatal("the old verdict is not superseded")
		}
	})
}

// publishedWithQuorum publishes the sworn claim with two approvals.
func (d *desk) publishedWithQuorum(t *testing.T) (*models.Claim, *models.Verdict) {
	t.Helper()
	c, _, v := d.proposed(t, "false")
	for _, r := range []*models.User{d.rev, d.rev2} {
		if _, err := d.review(r, v.ID, v.Version); err != nil {
			t.Fatal(err)
		}
	}
	return c, v
}

// Bad input changes nothing and names the field; only the author or an
// admin changes an update; a stale save is refused; an update that changes
// nothing is not submitted; withdrawal and retraction leave the published
// fact-check as it was.
func TestUpdateRefusals(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src := d.published(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		bad := []models.UpdateSource{{SourceID: src.ID, URL: "ftp://a.example/x", Title: "T", Kind: models.SourceOther, Stance: models.StanceContext},
			{SourceID: src.ID + 99, URL: "https://b.example/", Title: "", Kind: "poem", Stance: models.StanceContext}}
		_, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Text: ptr(""), Rating: ptr("nope"), Sources: &bad})
		fe := models.FieldErrors(err)
		for _, f := range []string{"text", "rating", "sources[0].url", "sources[1].title", "sources[1].kind", "sources[1].source_id"} {
			if fe[f] == "" {
				t.Errorf("no error on %s: %v", f, fe)
			}
		}
		if got, _ := s.GetUpdate(d.ctx, u.ID); got.Revision != u.Revision || got.Text != c.Text {
			t.Fatalf("a refused save changed the update: %+v", got)
		}
		if _, err := s.SaveUpdate(d.ctx, d.ed2, d.m, u.ID, models.UpdatePatch{Note: ptr("x")}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("another editor saved the update: %v", err)
		}
		if _, err := s.SaveUpdate(d.ctx, d.admin, d.m, u.ID, models.UpdatePatch{Note: ptr("Nothing yet."), Revision: u.Revision}); err != nil {
			t.Fatalf("an admin could not save: %v", err)
		}
		var stale *models.StaleError
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Note: ptr("y"), Revision: u.Revision}); !errors.As(err, &stale) {
			t.Fatalf("a stale save: %v", err)
		}
		if _, err := s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0); models.FieldErrors(err)["update"] == "" {
			t.Fatalf("an update that changes nothing was submitted: %v", err)
		}
		if err := s.WithdrawUpdate(d.ctx, d.ed2, d.m, u.ID, 0); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("another editor withdrew the update: %v", err)
		}
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Summary: ptr("Sessions denied any contact with Russians")}); err != nil {
			t.Fatal(err)
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WithdrawUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision-1); !errors.As(err, new(*models.StaleError)) {
			t.Fatalf("a stale withdrawal: %v", err)
		}
		if err := s.WithdrawUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision); err != nil {
			t.Fatal(err)
		}
		if _, err := s.GetVerdict(d.ctx, *u.VerdictID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("the withdrawn update's verdict stayed: %v", err)
		}
		got, err := s.GetClaim(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Summary != c.Summary || got.Status != models.ClaimPublished || got.OpenVerdict() != nil {
			t.Fatalf("withdrawal changed the claim: %q %s", got.Summary, got.Status)
		}
		// A retraction withdraws an open update; a retracted claim gets none.
		u, err = s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "The record was forged."); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetUpdate(d.ctx, u.ID); got.Status != models.UpdateWithdrawn {
			t.Fatalf("update after retraction: %s", got.Status)
		}
		if _, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("an update of a retracted claim: %v", err)
		}
	})
}

// A speaker merged away while an update of one of their claims is open
// does not come back when the update is published.
func TestUpdateFollowsASpeakerMerge(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		kept := d.publish(t, saidBy("Priya Nandakumar", "Bus fares are the lowest in the region"), "true")
		moved := d.publish(t, saidBy("Nandakumar", "The tunnel will open in May"), "false")
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, moved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, moved.PersonID, kept.PersonID, 0); err != nil {
			t.Fatal(err)
		}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Setting: ptr("A council meeting"), Note: ptr("We added the setting.")})
		if err != nil {
			t.Fatal(err)
		}
		if u.Speaker != "Priya Nandakumar" {
			t.Fatalf("the open update still names %q", u.Speaker)
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.rev, *u.VerdictID, 1); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(d.ctx, moved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PersonID != kept.PersonID {
			t.Fatalf("after the update the claim's speaker is %q (%d), not the one it was merged into", got.SpeakerName(), got.PersonID)
		}
	})
}

// An update may add, change and remove the claim's appearances; the
// article the claim was logged from stays one.
func TestUpdateChangesAppearances(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := d.published(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(u.Appearances) != 1 || u.Appearances[0].URL != sworn().Appearances[0].URL {
			t.Fatalf("the update's appearances start as %+v", u.Appearances)
		}
		interview := models.AppearanceInput{URL: "https://www.example.com/2017/03/02/interview", Date: "2017-03-02", Where: "Fox News interview"}
		bad := []models.AppearanceInput{{URL: "ftp://example.com/x"}}
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Appearances: &bad}); models.FieldErrors(err)["appearances[0].url"] == "" {
			t.Fatalf("a bad appearance: %v", err)
		}
		list := []models.AppearanceInput{u.Appearances[0], interview}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Appearances: &list, Note: ptr("We added his interview of 2 March.")})
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.GetClaim(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ch := models.UpdateChanges(full, u); len(ch) != 1 || ch[0].Field != "Appearances" || !strings.Contains(ch[0].After, "Fox News interview") {
			t.Fatalf("changes: %+v", ch)
		}
		if got, _ := s.PublicClaim(d.ctx, c.Slug); len(got.Appearances) != 1 {
			t.Fatalf("the public claim has %d appearances before review", len(got.Appearances))
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.rev, *u.VerdictID, 1); err != nil {
			t.Fatal(err)
		}
		got, err := s.PublicClaim(d.ctx, c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Appearances) != 2 || got.FirstAppearance().URL != sworn().Appearances[0].URL || got.Appearances[1].Where != "Fox News interview" {
			t.Fatalf("appearances after the update: %+v", got.Appearances)
		}
	})
}

// What reviewers approve is always what the update shows: its verdict
// changes only through the update; after submission a save still needs
// the public note and a change; whoever saved the update may not approve
// it; a speaker merged meanwhile makes a form read before stale; the
// article the claim came from stays in the update's appearances.
func TestUpdateShowsWhatReviewersApprove(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := d.published(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		// An admin edits the draft; the editor submits it.
		u, err = s.SaveUpdate(d.ctx, d.admin, d.m, u.ID, models.UpdatePatch{Setting: ptr("Senate hearing"), Note: ptr("We named the hearing.")})
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.admin, *u.VerdictID, 1); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("an admin who edited the update approved it: %v", err)
		}
		if _, err := s.ReviseVerdict(d.ctx, d.ed, d.m, *u.VerdictID, models.VerdictInput{Rating: "true", Headline: "H", Explanation: "E"}); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("the update's verdict was revised around the update: %v", err)
		}
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Note: ptr("")}); models.FieldErrors(err)["note"] == "" {
			t.Fatalf("a submitted update lost its public note: %v", err)
		}
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Setting: &c.Setting}); models.FieldErrors(err)["update"] == "" {
			t.Fatalf("a submitted update was made to change nothing: %v", err)
		}
		read, err := s.GetUpdate(d.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		other := d.publish(t, saidBy("Jefferson Sessions", "He met nobody"), "false")
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, c.PersonID, other.PersonID, 0); err != nil {
			t.Fatal(err)
		}
		var stale *models.StaleError
		if _, err := s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Speaker: &read.Speaker, Revision: read.Revision}); !errors.As(err, &stale) {
			t.Fatalf("a form read before the merge wrote the old speaker back: %v", err)
		}
	})
}

// The article a claim was logged from stays one of its appearances: an
// update that leaves it out still lists it, so that its changes say what
// will be published.
func TestUpdateKeepsTheArticlesAppearance(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		art, err := s.CreateArticle(d.ctx, d.ed, d.m, models.ArticleInput{URL: "https://news.example.com/2017/03/02/sessions",
			Title: "Sessions and the ambassador", Outlet: "Example News", PublishedAt: "2017-03-02", Text: "He said things."})
		if err != nil {
			t.Fatal(err)
		}
		in := sworn()
		in.ArticleID = &art.ID
		c := d.publish(t, in, "false")
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		only := []models.AppearanceInput{u.Appearances[0]}
		if only[0].URL == art.URL {
			only[0] = u.Appearances[1]
		}
		u, err = s.SaveUpdate(d.ctx, d.ed, d.m, u.ID, models.UpdatePatch{Appearances: &only})
		if err != nil {
			t.Fatal(err)
		}
		if len(u.Appearances) != 2 || !slices.ContainsFunc(u.Appearances, func(a models.AppearanceInput) bool { return a.URL == art.URL }) {
			t.Fatalf("the update dropped the article's appearance: %+v", u.Appearances)
		}
		full, _ := s.GetClaim(d.ctx, c.ID)
		if ch := models.UpdateChanges(full, u); len(ch) != 0 {
			t.Fatalf("keeping the article's appearance shows as a change: %+v", ch)
		}
	})
}
