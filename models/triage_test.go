package models_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// eventsOf lists a claim's workflow events as "kind user" (user the id
// of the person it is about, "-" for the desk), oldest first.
func eventsOf(t *testing.T, d *desk, claimID uint) []string {
	t.Helper()
	all, err := d.s.ClaimEvents(d.ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range all {
		if e.ClaimID != claimID {
			continue
		}
		who := "-"
		if e.UserID != nil {
			who = idText(*e.UserID)
		}
		out = append(out, string(e.Kind)+" "+who)
	}
	return out
}

func idText(id uint) string { return strconv.FormatUint(uint64(id), 10) }

// A claim is logged with an assignee, a due day and a priority; bad ones
// are refused by name with nothing stored, the claim's own fields' errors
// beside them; a new assignee is a workflow event and in the history.
func TestClaimTriageOnCreateAndUpdate(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		off := modelstest.User(t, s, "gone@example.org", models.RoleEditor)
		if _, err := s.UpdateUser(d.ctx, d.admin, d.m, off.ID, models.UserChange{Disabled: new(true)}); err != nil {
			t.Fatal(err)
		}
		before, _ := s.ListClaims(d.ctx, models.ClaimFilter{})
		for _, tc := range []struct {
			name string
			in   func(*models.ClaimInput)
			want map[string]bool
		}{
			{"unknown assignee", func(in *models.ClaimInput) { in.AssigneeID = 99999 }, map[string]bool{"assignee_id": true}},
			{"disabled assignee", func(in *models.ClaimInput) { in.AssigneeID = off.ID }, map[string]bool{"assignee_id": true}},
			{"bad day", func(in *models.ClaimInput) { in.DueOn = "next Tuesday" }, map[string]bool{"due_on": true}},
			{"impossible day", func(in *models.ClaimInput) { in.DueOn = "2026-02-30" }, map[string]bool{"due_on": true}},
			{"bad priority", func(in *models.ClaimInput) { in.Priority = "asap" }, map[string]bool{"priority": true}},
			{"with the claim's own errors", func(in *models.ClaimInput) { in.Priority, in.Summary = "asap", "" }, map[string]bool{"priority": true, "summary": true}},
		} {
			in := sworn()
			tc.in(&in)
			_, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			got := models.FieldErrors(err)
			for f := range tc.want {
				if got[f] == "" {
					t.Errorf("%s: no error on %s: %v", tc.name, f, err)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("%s: errors %v, want on %v", tc.name, got, tc.want)
			}
		}
		if after, _ := s.ListClaims(d.ctx, models.ClaimFilter{}); len(after) != len(before) {
			t.Fatalf("refused claims were stored: %d, then %d", len(before), len(after))
		}

		in := sworn()
		in.AssigneeID, in.DueOn, in.Priority = d.ed2.ID, "2026-05-01", models.PriorityHigh
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetClaim(d.ctx, c.ID)
		if got.AssigneeID == nil || *got.AssigneeID != d.ed2.ID || got.Assignee == nil || got.Assignee.Name != d.ed2.Name ||
			models.FormatDate(got.DueOn) != "2026-05-01" || got.Priority != models.PriorityHigh {
			t.Fatalf("logged with triage: assignee %v %+v, due %v, priority %q", got.AssigneeID, got.Assignee, got.DueOn, got.Priority)
		}
		if got.Assignee.PasswordHash != "" {
			t.Error("the assignee is loaded with its password hash")
		}
		plain, err := s.CreateClaim(d.ctx, d.ed, d.m, models.ClaimInput{Text: "Some words said", Summary: "Some words", Speaker: "Pat Speaker"})
		if err != nil || plain.Priority != models.PriorityNormal || plain.AssigneeID != nil || plain.DueOn != nil {
			t.Fatalf("logged without triage: %+v %v", plain, err)
		}

		// Reassigned, due sooner, urgent: one revision, one event, the
		// history says who had it before and who has it now.
		rev := got.Revision
		upd, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{AssigneeID: &d.rev.ID, DueOn: new("2026-04-20"),
			Priority: new(models.PriorityUrgent), Revision: rev})
		if err != nil || upd.Revision != rev+1 {
			t.Fatalf("reassign: %+v %v", upd, err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{AssigneeID: &d.ed.ID, Revision: rev}); !isStale(err) {
			t.Errorf("a reassignment from an old revision: %v", err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{DueOn: new("soon")}); models.FieldErrors(err)["due_on"] == "" {
			t.Errorf("a bad due day: %v", err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{AssigneeID: &off.ID}); models.FieldErrors(err)["assignee_id"] == "" {
			t.Errorf("a disabled assignee: %v", err)
		}
		if ev := eventsOf(t, d, c.ID); !slices.Equal(ev, []string{"assigned " + idText(d.ed2.ID), "assigned " + idText(d.rev.ID)}) {
			t.Errorf("events: %v", ev)
		}
		hist, _ := s.ClaimHistory(d.ctx, c.ID)
		last := hist[len(hist)-1]
		if last.Action != "claim.triage" || !strings.Contains(last.Before, `"assignee":"Test ed2"`) || !strings.Contains(last.After, `"assignee":"Test rev"`) ||
			!strings.Contains(last.After, `"priority":"urgent"`) || !strings.Contains(last.After, `"due_on":"2026-04-20"`) {
			t.Errorf("history: %s %s → %s", last.Action, last.Before, last.After)
		}
		// Unassigned, no due day: no event.
		upd, err = s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{AssigneeID: new(uint(0)), DueOn: new("")})
		if err != nil || upd.AssigneeID != nil || upd.DueOn != nil || upd.Priority != models.PriorityUrgent {
			t.Fatalf("unassign: %+v %v", upd, err)
		}
		if ev := eventsOf(t, d, c.ID); len(ev) != 2 {
			t.Errorf("unassigning made an event: %v", ev)
		}
		// The same triage again changes nothing.
		same, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Priority: new(models.PriorityUrgent)})
		if err != nil || same.Revision != upd.Revision {
			t.Errorf("a patch that changes nothing: revision %d → %d, %v", upd.Revision, same.Revision, err)
		}

		// A claim whose assignee is disabled since keeps them while its
		// other fields change; nobody new is assigned a disabled account.
		gone := modelstest.User(t, s, "gone2@example.org", models.RoleEditor)
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{AssigneeID: &gone.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateUser(d.ctx, d.admin, d.m, gone.ID, models.UserChange{Disabled: new(true)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Setting: new("A rally"), AssigneeID: &gone.ID, Priority: new(models.PriorityLow)}); err != nil {
			t.Errorf("an edit of a claim assigned to a disabled account: %v", err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, plain.ID, models.ClaimPatch{AssigneeID: &gone.ID}); models.FieldErrors(err)["assignee_id"] == "" {
			t.Errorf("another claim assigned to a disabled account: %v", err)
		}
	})
}

func isStale(err error) bool {
	var stale *models.StaleError
	return errors.As(err, &stale)
}

// The triage of a claim in review or published changes, while its words
// do not; changing it touches nothing public.
func TestTriageChangesOnClaimsPastReviewWithoutTouchingThePublic(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador", Explanation: "Twice."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Setting: new("A rally")}); !errors.Is(err, models.ErrConflict) {
			t.Errorf("editing the words of a claim in review: %v", err)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{AssigneeID: &d.rev.ID}); err != nil {
			t.Errorf("assigning a claim in review: %v", err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev2, d.m, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: v.Version}); err != nil {
			t.Fatal(err)
		}
		pub, _ := s.GetClaim(d.ctx, c.ID)
		if pub.Status != models.ClaimPublished {
			t.Fatalf("not published: %s", pub.Status)
		}
		gen := s.PublicChangeSeqForTest(t)
		upd, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Priority: new(models.PriorityLow), DueOn: new("2026-06-01"), Revision: pub.Revision})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := s.GetClaim(d.ctx, c.ID)
		if after.Priority != models.PriorityLow || upd.Revision != pub.Revision+1 {
			t.Errorf("published claim's triage: %q, revision %d", after.Priority, after.Revision)
		}
		if !after.UpdatedAt.Equal(pub.UpdatedAt) || after.PublicVersion != pub.PublicVersion || s.PublicChangeSeqForTest(t) != gen {
			t.Errorf("a triage change touched the public: updated %v → %v, version %d → %d", pub.UpdatedAt, after.UpdatedAt, pub.PublicVersion, after.PublicVersion)
		}
	})
}

// A draft may be researched; the claim then goes to review with its
// verdict, comes back to research when the verdict is sent back (shown as
// sent back), and goes to review again when it is revised. A draft may
// still go to review at once. No other stage is set by hand, and a claim
// past review does not go back.
func TestResearchingStage(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []models.ClaimStatus{models.ClaimDraft, models.ClaimInReview, models.ClaimPublished, "thinking"} {
			if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Status: &bad}); models.FieldErrors(err)["status"] == "" {
				t.Errorf("status %q set by hand: %v", bad, err)
			}
		}
		r, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Status: new(models.ClaimResearching), Revision: c.Revision})
		if err != nil || r.Status != models.ClaimResearching || r.Revision != c.Revision+1 {
			t.Fatalf("start research: %+v %v", r, err)
		}
		// Researched, it is edited as a draft is, and listed apart.
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Setting: new("Senate hearing")}); err != nil {
			t.Errorf("editing a claim being researched: %v", err)
		}
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); err != nil {
			t.Errorf("a source for a claim being researched: %v", err)
		}
		lists := func(st models.ClaimStatus) int {
			l, err := s.ListClaims(d.ctx, models.ClaimFilter{Status: st, DeskStatus: true})
			if err != nil {
				t.Fatal(err)
			}
			return len(l)
		}
		if lists(models.ClaimResearching) != 1 || lists(models.ClaimDraft) != 0 {
			t.Errorf("lists: researching %d, draft %d", lists(models.ClaimResearching), lists(models.ClaimDraft))
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador", Explanation: "Twice."})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetClaim(d.ctx, c.ID); got.Status != models.ClaimInReview {
			t.Fatalf("proposed: %s", got.Status)
		}
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{Status: new(models.ClaimResearching)}); !errors.Is(err, models.ErrConflict) {
			t.Errorf("a claim in review back to research by hand: %v", err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Decision: models.DecisionRequestChanges, Comment: "Cite it.", Version: v.Version}); err != nil {
			t.Fatal(err)
		}
		back, _ := s.GetClaim(d.ctx, c.ID)
		if back.Status != models.ClaimResearching || back.DeskStatus() != models.ClaimSentBack || !back.Deletable() {
			t.Fatalf("sent back: %s, shown %s, deletable %v", back.Status, back.DeskStatus(), back.Deletable())
		}
		if lists(models.ClaimSentBack) != 1 || lists(models.ClaimResearching) != 0 {
			t.Errorf("lists when sent back: sent back %d, researching %d", lists(models.ClaimSentBack), lists(models.ClaimResearching))
		}
		if _, err := s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador", Explanation: "Twice, per the record.", Version: v.Version}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GetClaim(d.ctx, c.ID); got.Status != models.ClaimInReview {
			t.Errorf("revised: %s", got.Status)
		}
		want := []string{"sent_to_review -", "sent_back " + idText(d.ed.ID), "sent_to_review -"}
		if ev := eventsOf(t, d, c.ID); !slices.Equal(ev, want) {
			t.Errorf("events %v, want %v", ev, want)
		}
		hist, _ := s.ClaimHistory(d.ctx, c.ID)
		if !slices.ContainsFunc(hist, func(e models.AuditEvent) bool { return e.Action == "claim.research" }) {
			t.Error("the history does not say research started")
		}

		// Straight from draft to review.
		other, _ := s.CreateClaim(d.ctx, d.ed, d.m, models.ClaimInput{Text: "Bridges are free", Summary: "Bridges are free", Speaker: "Pat Speaker"})
		if _, err := s.ProposeVerdict(d.ctx, d.ed, d.m, other.ID, models.VerdictInput{Rating: "false", Headline: "They are not", Explanation: "Tolls."}); err != nil {
			t.Errorf("a draft to review: %v", err)
		}
	})
}

// The desk's lists for each role: the claims assigned to them, those due
// within three days or overdue (theirs or nobody's, still worked on), the
// verdicts waiting for their review (reviewers and admins, never their
// own), theirs sent back; with counts that match.
func TestDeskListsPerRole(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	modelstest.ForEach(t, models.Config{Now: func() time.Time { return now }}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		claim := func(summary string, by *models.User, assignee *models.User, due string) *models.Claim {
			t.Helper()
			in := models.ClaimInput{Text: summary + ", he said", Summary: summary, Speaker: "Pat Speaker", DueOn: due}
			if assignee != nil {
				in.AssigneeID = assignee.ID
			}
			c, err := s.CreateClaim(d.ctx, by, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		propose := func(c *models.Claim, by *models.User) *models.Verdict {
			t.Helper()
			v, err := s.ProposeVerdict(d.ctx, by, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "No", Explanation: "Because."})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		edToday := claim("Ed's, due today", d.ed, d.ed, "2026-03-10")
		edLater := claim("Ed's, due in a week", d.ed, d.ed, "2026-03-17")
		claim("Nobody's, overdue", d.rev, nil, "2026-03-01")
		claim("Nobody's, due in three days", d.rev, nil, "2026-03-13")
		claim("Nobody's, due in four days", d.rev, nil, "2026-03-14")
		claim("Rev's, due tomorrow", d.rev, d.rev, "2026-03-11")
		done := claim("Ed's, published, overdue", d.ed, d.ed, "2026-03-02")
		v := propose(done, d.ed)
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: 1}); err != nil {
			t.Fatal(err)
		}
		byEd := propose(edLater, d.ed)                                  // waits for rev and admin
		byRev := propose(claim("Rev's verdict", d.rev, nil, ""), d.rev) // waits for admin and rev2
		back := propose(claim("Ed2's, sent back", d.ed2, d.ed2, ""), d.ed2)
		if _, err := s.ReviewVerdict(d.ctx, d.rev2, d.m, back.ID, models.ReviewInput{Decision: models.DecisionRequestChanges, Comment: "More.", Version: 1}); err != nil {
			t.Fatal(err)
		}

		summaries := func(cs []models.Claim) []string {
			out := []string{}
			for _, c := range cs {
				out = append(out, c.Summary)
			}
			return out
		}
		verdicts := func(q []models.QueueItem) []uint {
			out := []uint{}
			for _, it := range q {
				out = append(out, it.VerdictID)
			}
			return out
		}
		for _, tc := range []struct {
			who           *models.User
			assigned, due []string
			awaiting      []uint
			sentBack      int
			waiting       int64
		}{
			{d.ed, []string{"Ed's, due today", "Ed's, due in a week"}, []string{"Nobody's, overdue", "Ed's, due today", "Nobody's, due in three days"}, []uint{}, 0, 2},
			{d.rev, []string{"Rev's, due tomorrow"}, []string{"Nobody's, overdue", "Rev's, due tomorrow", "Nobody's, due in three days"}, []uint{byEd.ID}, 0, 1},
			{d.admin, []string{}, []string{"Nobody's, overdue", "Nobody's, due in three days"}, []uint{byEd.ID, byRev.ID}, 0, 0},
			// Assigned to ed2 and sent back to them: one claim waits.
			{d.ed2, []string{"Ed2's, sent back"}, []string{"Nobody's, overdue", "Nobody's, due in three days"}, []uint{}, 1, 1},
		} {
			l, err := s.DeskLists(d.ctx, tc.who, 10)
			if err != nil {
				t.Fatal(err)
			}
			n, err := s.DeskCounts(d.ctx, tc.who)
			if err != nil {
				t.Fatal(err)
			}
			name := tc.who.Email
			if got := summaries(l.AssignedToMe); !slices.Equal(got, tc.assigned) || n.AssignedToMe != int64(len(tc.assigned)) {
				t.Errorf("%s: assigned %q (%d), want %q", name, got, n.AssignedToMe, tc.assigned)
			}
			if got := summaries(l.DueSoon); !slices.Equal(got, tc.due) || n.DueSoon != int64(len(tc.due)) {
				t.Errorf("%s: due soon %q (%d), want %q", name, got, n.DueSoon, tc.due)
			}
			if got := verdicts(l.AwaitingReview); !slices.Equal(got, tc.awaiting) || n.AwaitingReview != int64(len(tc.awaiting)) {
				t.Errorf("%s: awaiting %v (%d), want %v", name, got, n.AwaitingReview, tc.awaiting)
			}
			if len(l.SentBack) != tc.sentBack || n.SentBack != int64(tc.sentBack) {
				t.Errorf("%s: sent back %d (%d), want %d", name, len(l.SentBack), n.SentBack, tc.sentBack)
			}
			if n.Waiting != tc.waiting {
				t.Errorf("%s: %d waiting, want %d", name, n.Waiting, tc.waiting)
			}
			if !l.Today.Equal(time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s: today is %v", name, l.Today)
			}
		}
		_ = edToday

		// The queue names each verdict's speaker and author, says since
		// when it waits, and filters by both.
		q, err := s.ReviewQueue(d.ctx, d.admin, models.QueueFilter{})
		if err != nil || len(q) != 2 {
			t.Fatalf("admin's queue: %+v %v", q, err)
		}
		if q[0].SpeakerName != "Pat Speaker" || q[0].AuthorID != d.ed.ID || q[0].AuthorName != "Test ed" || !q[0].SubmittedAt.Equal(now) {
			t.Errorf("queue item: %+v", q[0])
		}
		if q, _ := s.ReviewQueue(d.ctx, d.admin, models.QueueFilter{AuthorID: d.rev.ID}); !slices.Equal(verdicts(q), []uint{byRev.ID}) {
			t.Errorf("queue by author: %v", verdicts(q))
		}
		if q, _ := s.ReviewQueue(d.ctx, d.admin, models.QueueFilter{SpeakerID: q[0].SpeakerID + 1000}); len(q) != 0 {
			t.Errorf("queue by another speaker: %v", verdicts(q))
		}
		if q2, _ := s.ReviewQueue(d.ctx, d.admin, models.QueueFilter{SpeakerID: q[0].SpeakerID}); len(q2) != 2 {
			t.Errorf("queue by the speaker: %v", verdicts(q2))
		}
		if _, err := s.ReviewQueue(d.ctx, d.ed, models.QueueFilter{}); !errors.Is(err, models.ErrForbidden) {
			t.Errorf("an editor's queue: %v", err)
		}
	})
}

// How long a verdict has waited counts from when it went to review: a
// later change of its claim does not reset it, a revision after it was
// sent back does.
func TestQueueWaitsFromWhenSentToReview(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	modelstest.ForEach(t, models.Config{Now: func() time.Time { return clock() }}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		start := now
		c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "No", Explanation: "Because."})
		if err != nil {
			t.Fatal(err)
		}
		since := func() time.Time {
			t.Helper()
			q, err := s.ReviewQueue(d.ctx, d.rev, models.QueueFilter{})
			if err != nil || len(q) != 1 {
				t.Fatalf("queue: %+v %v", q, err)
			}
			return q[0].SubmittedAt
		}
		now = now.Add(5 * time.Hour)
		if _, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, report()); err != nil {
			t.Fatal(err)
		}
		if got := since(); !got.Equal(start) {
			t.Errorf("after a source was added it waits since %v, want %v", got, start)
		}
		got, _ := s.GetVerdict(d.ctx, v.ID)
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Decision: models.DecisionRequestChanges, Comment: "More.", Version: got.Version}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(24 * time.Hour)
		if _, err := s.ReviseVerdict(d.ctx, d.ed, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "No", Explanation: "Because, again."}); err != nil {
			t.Fatal(err)
		}
		if got := since(); !got.Equal(now) {
			t.Errorf("revised after it was sent back, it waits since %v, want %v", got, now)
		}
	})
}

// Publishing, correcting and retracting are workflow events too.
func TestPublicationAndCorrectionEvents(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		v, _ := s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "No", Explanation: "Because."})
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: "Fixed a date."}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.ID, "Withdrawn."); err != nil {
			t.Fatal(err)
		}
		want := []string{"sent_to_review -", "published -", "corrected -", "corrected -"}
		if ev := eventsOf(t, d, c.ID); !slices.Equal(ev, want) {
			t.Errorf("events %v, want %v", ev, want)
		}
		all, _ := s.ClaimEvents(d.ctx, 0, 100)
		for _, e := range all {
			if e.Kind == models.EventPublished && (e.ActorID == nil || *e.ActorID != d.rev.ID || e.VerdictID == nil || *e.VerdictID != v.ID) {
				t.Errorf("published event: %+v", e)
			}
			if e.Kind == models.EventCorrected && e.CorrectionID == nil {
				t.Errorf("corrected event without its correction: %+v", e)
			}
		}
		if later, _ := s.ClaimEvents(d.ctx, all[1].ID, 100); len(later) != len(all)-2 {
			t.Errorf("events after the second: %d of %d", len(later), len(all))
		}
	})
}
