package models_test

import (
	"errors"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// proposed logs the sworn claim with the report as its source and a verdict
// by ed rated rating, in review.
func (d *desk) proposed(t *testing.T, rating string) (*models.Claim, *models.Source, *models.Verdict) {
	t.Helper()
	c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, sworn())
	if err != nil {
		t.Fatal(err)
	}
	src, err := d.s.AddSource(d.ctx, d.ed, d.m, c.ID, report())
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: rating, Headline: "He met the ambassador twice", Explanation: "Two meetings."})
	if err != nil {
		t.Fatal(err)
	}
	return c, src, v
}

func (d *desk) review(u *models.User, verdictID uint, version int) (*models.ReviewResult, error) {
	return d.s.ReviewVerdict(d.ctx, u, d.m, verdictID, models.ReviewInput{Decision: models.DecisionApprove, Version: version})
}

func (d *desk) verdict(t *testing.T, id uint) *models.Verdict {
	t.Helper()
	v, err := d.s.GetVerdict(d.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// An approval names the version the reviewer read. The author's revision
// while the reviewer reads makes that approval stale: 409, nothing recorded,
// nothing published; the new version needs its own approval.
func TestApprovalOfAVersionNobodyReadIsRefused(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _, v := d.proposed(t, "true")
		read := v.Version // the reviewer opens the page
		if _, err := s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "No meetings", Explanation: "None."}); err != nil {
			t.Fatal(err)
		}
		_, err := d.review(d.rev, v.ID, read)
		var stale *models.StaleError
		if !errors.As(err, &stale) || !errors.Is(err, models.ErrConflict) || stale.Sent != 1 || stale.Current != 2 {
			t.Fatalf("approval of version 1 after a revision: %v", err)
		}
		got := d.verdict(t, v.ID)
		if len(got.Reviews) != 0 || got.Status != models.VerdictInReview {
			t.Fatalf("a stale approval changed the verdict: %s, reviews %+v", got.Status, got.Reviews)
		}
		if cl, _ := s.GetClaim(d.ctx, c.ID); cl.Status != models.ClaimInReview {
			t.Fatalf("claim %s after a stale approval", cl.Status)
		}
		// Without a version there is nothing to pin: refused, naming the field.
		if _, err := d.review(d.rev, v.ID, 0); models.FieldErrors(err)["version"] == "" {
			t.Fatalf("approval without a version: %v", err)
		}
		res, err := d.review(d.rev, v.ID, got.Version)
		if err != nil || !res.Published {
			t.Fatalf("approval of the version read: %+v %v", res, err)
		}
		if pub := d.verdict(t, v.ID); pub.RatingSlug != "false" || pub.ReviewerCount != 1 {
			t.Fatalf("published %s with %d reviewers", pub.RatingSlug, pub.ReviewerCount)
		}
	})
}

// With a quorum of 2, a source replaced after the first approval makes a new
// version: the first approval no longer counts.
func TestEvidenceChangedAfterAnApprovalCancelsIt(t *testing.T) {
	modelstest.ForEach(t, models.Config{ReviewQuorum: 2}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src, v := d.proposed(t, "false")
		if res, err := d.review(d.rev, v.ID, 1); err != nil || res.Published {
			t.Fatalf("first approval: %+v %v", res, err)
		}
		changes := []struct {
			name   string
			change func() error
			want   models.VersionChange
		}{
			{"replace the source", func() error {
				in := report()
				in.Excerpt = "a different excerpt"
				_, err := s.UpdateSource(d.ctx, d.ed2, d.m, src.ID, in)
				return err
			}, models.ChangeSourceUpdated},
			{"add a source", func() error {
				in := report()
				in.URL = "https://www.nytimes.com/2017/03/01/us/politics/jeff-sessions-russia.html"
				var err error
				src, err = s.AddSource(d.ctx, d.ed2, d.m, c.ID, in)
				return err
			}, models.ChangeSourceAdded},
			{"remove a source", func() error { return s.DeleteSource(d.ctx, d.ed2, d.m, src.ID, 0) }, models.ChangeSourceRemoved},
		}
		for i, ch := range changes {
			if err := ch.change(); err != nil {
				t.Fatalf("%s: %v", ch.name, err)
			}
			got := d.verdict(t, v.ID)
			if got.Version != 2+i {
				t.Fatalf("%s: version %d, want %d", ch.name, got.Version, 2+i)
			}
			last := got.Versions[len(got.Versions)-1]
			if last.Change != ch.want || last.ChangedBy == nil || *last.ChangedBy != d.ed2.ID || last.Version != got.Version {
				t.Fatalf("%s: recorded version %+v", ch.name, last)
			}
		}
		// rev2's approval of the current version is the only one that counts.
		if res, err := d.review(d.rev2, v.ID, 4); err != nil || res.Published {
			t.Fatalf("approval after the evidence changed published on an old approval: %+v %v", res, err)
		}
		if res, err := d.review(d.rev, v.ID, 4); err != nil || !res.Published {
			t.Fatalf("second approval of the current version: %+v %v", res, err)
		}
		if got := d.verdict(t, v.ID); got.ReviewerCount != 2 {
			t.Fatalf("reviewer count %d, want 2", got.ReviewerCount)
		}
	})
}

// Whoever revises a verdict, an admin included, is one of its authors and
// cannot approve it; so is a reviewer who changed the evidence it judges.
func TestRevisersAreAuthorsAndCannotApprove(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		_, src, v := d.proposed(t, "true")
		if _, err := s.ReviseVerdict(d.ctx, d.admin, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "Rewritten", Explanation: "By the admin."}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.admin, v.ID, 2); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("the admin approved the version they wrote: %v", err)
		}
		got := d.verdict(t, v.ID)
		if !got.IsAuthor(d.admin) || !got.IsAuthor(d.ed) || got.IsAuthor(d.rev) {
			t.Fatalf("authors: admin %v, ed %v, rev %v", got.IsAuthor(d.admin), got.IsAuthor(d.ed), got.IsAuthor(d.rev))
		}
		// A reviewer who edits the evidence under review becomes an author too.
		in := report()
		in.Excerpt = "edited by the reviewer"
		if _, err := s.UpdateSource(d.ctx, d.rev, d.m, src.ID, in); err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.rev, v.ID, 3); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("a reviewer approved evidence they changed: %v", err)
		}
		if got := d.verdict(t, v.ID); len(got.Reviews) != 0 {
			t.Fatalf("refused approvals were recorded: %+v", got.Reviews)
		}
		// The verdict waits for nobody who wrote or changed it.
		for _, who := range []struct {
			u    *models.User
			want int
		}{{d.admin, 0}, {d.rev, 0}, {d.rev2, 1}} {
			q, err := s.ReviewQueue(d.ctx, who.u, models.QueueFilter{})
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.DeskCounts(d.ctx, who.u)
			if err != nil {
				t.Fatal(err)
			}
			if len(q) != who.want || n.AwaitingReview != int64(who.want) {
				t.Errorf("%s: queue %d, count %d, want %d", who.u.Email, len(q), n.AwaitingReview, who.want)
			}
		}
		res, err := d.review(d.rev2, v.ID, 3)
		if err != nil || !res.Published {
			t.Fatalf("an uninvolved reviewer: %+v %v", res, err)
		}
		if got := d.verdict(t, v.ID); got.ReviewerCount != 1 {
			t.Fatalf("reviewer count %d, want 1", got.ReviewerCount)
		}
	})
}

// Approvals count only from accounts that are active reviewers or admins
// when the quorum is reached; the published count says how many did.
func TestApprovalsOfDemotedOrDisabledReviewersDoNotCount(t *testing.T) {
	modelstest.ForEach(t, models.Config{ReviewQuorum: 2}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		rev3 := modelstest.User(t, s, "rev3@example.org", models.RoleReviewer)
		_, _, v := d.proposed(t, "false")
		if _, err := d.review(d.rev, v.ID, 1); err != nil {
			t.Fatal(err)
		}
		if res, err := d.review(d.rev2, v.ID, 1); err != nil || !res.Published || d.verdict(t, v.ID).ReviewerCount != 2 {
			t.Fatalf("two active reviewers: %+v %v", res, err)
		}
		// A second claim: rev approves, then is demoted; rev2 approves, then
		// is disabled; rev3's approval is then the only one that counts.
		c2, err := s.CreateClaim(d.ctx, d.ed, d.m, models.ClaimInput{Text: "The border wall will be paid for by others", Summary: "The wall will be paid for by others", Speaker: "A. Candidate"})
		if err != nil {
			t.Fatal(err)
		}
		v2, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c2.ID, models.VerdictInput{Rating: "false", Headline: "h", Explanation: "e"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.rev, v2.ID, 1); err != nil {
			t.Fatal(err)
		}
		editor := models.RoleEditor
		if _, err := s.UpdateUser(d.ctx, d.admin, d.m, d.rev.ID, models.UserChange{Role: &editor}); err != nil {
			t.Fatal(err)
		}
		if res, err := d.review(d.rev2, v2.ID, 1); err != nil || res.Published {
			t.Fatalf("a demoted reviewer's approval counted: %+v %v", res, err)
		}
		off := true
		if _, err := s.UpdateUser(d.ctx, d.admin, d.m, d.rev2.ID, models.UserChange{Disabled: &off}); err != nil {
			t.Fatal(err)
		}
		if res, err := d.review(rev3, v2.ID, 1); err != nil || res.Published {
			t.Fatalf("a disabled reviewer's approval counted: %+v %v", res, err)
		}
		admin2 := modelstest.User(t, s, "admin2@example.org", models.RoleAdmin)
		res, err := d.review(admin2, v2.ID, 1)
		if err != nil || !res.Published {
			t.Fatalf("two active approvals: %+v %v", res, err)
		}
		got := d.verdict(t, v2.ID)
		if len(got.Reviews) != 4 || got.ReviewerCount != 2 {
			t.Fatalf("%d approvals recorded, %d counted; want 4 and 2", len(got.Reviews), got.ReviewerCount)
		}
	})
}

// Renaming a rating on the scale while a verdict rated with it is in review
// changes the words reviewers read: a new version, so an approval of the old
// label is stale; the admin who renamed it is one of its authors.
func TestRelabelledRatingMakesANewVersion(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		_, _, v := d.proposed(t, "false")
		if _, err := s.UpdateRating(d.ctx, d.admin, d.m, "false", models.RatingInput{Label: "Accurate", Position: 6, Ordered: true}); err != nil {
			t.Fatal(err)
		}
		got := d.verdict(t, v.ID)
		if got.Version != 2 || got.RatingLabel != "Accurate" || got.Versions[1].Change != models.ChangeRatingRelabelled {
			t.Fatalf("after the relabel: version %d, label %q, %+v", got.Version, got.RatingLabel, got.Versions)
		}
		var stale *models.StaleError
		if _, err := d.review(d.rev, v.ID, 1); !errors.As(err, &stale) {
			t.Fatalf("approval of the old label: %v", err)
		}
		if _, err := d.review(d.admin, v.ID, 2); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("the admin who relabelled approved: %v", err)
		}
		if res, err := d.review(d.rev, v.ID, 2); err != nil || !res.Published {
			t.Fatalf("approval of the new label: %+v %v", res, err)
		}
		if pub := d.verdict(t, v.ID); pub.RatingLabel != "Accurate" {
			t.Fatalf("published label %q", pub.RatingLabel)
		}
	})
}
