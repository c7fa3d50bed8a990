package models_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// inboxOf lists u's notifications, newest first, as "kind claimID", and
// fails the test on an error.
func inboxOf(t *testing.T, d *desk, u *models.User) []string {
	t.Helper()
	items, err := d.s.Inbox(d.ctx, u, models.InboxFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, string(it.Kind)+" "+idText(it.ClaimID))
	}
	return out
}

// Each kind of workflow event tells the people it concerns, never the
// person who made it happen nor a disabled account, each once: the
// assignee, the colleague mentioned, every reviewer and admin but the
// verdict's authors, the author sent back, and whoever worked on the
// claim when it is published or corrected.
func TestNotificationRecipientsPerKind(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		gone := modelstest.User(t, s, "gone@example.org", models.RoleReviewer)
		// The editor is assigned by the admin; the admin, who assigned, is
		// not told.
		in := sworn()
		in.AssigneeID = d.ed2.ID
		c, err := s.CreateClaim(d.ctx, d.admin, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		cid := idText(c.ID)
		if got := inboxOf(t, d, d.ed2); !slices.Equal(got, []string{"assigned " + cid}) {
			t.Errorf("assignee's inbox %v", got)
		}
		if got := inboxOf(t, d, d.admin); len(got) != 0 {
			t.Errorf("the one who assigned is told: %v", got)
		}
		// Reassigning to oneself tells nobody.
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, c.ID, models.ClaimPatch{AssigneeID: &d.ed.ID}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, d, d.ed); len(got) != 0 {
			t.Errorf("assigned oneself: %v", got)
		}
		// A mention tells the colleague named, not the writer who names
		// themself.
		if _, err := s.AddNote(d.ctx, d.ed, d.m, c.ID, models.NoteInput{Body: "@rev2 and @ed, have a look"}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, d, d.rev2); !slices.Equal(got, []string{"mentioned " + cid}) {
			t.Errorf("mentioned reviewer's inbox %v", got)
		}
		// The disabled reviewer hears nothing from now on.
		if _, err := s.UpdateUser(d.ctx, d.admin, d.m, gone.ID, models.UserChange{Disabled: new(true)}); err != nil {
			t.Fatal(err)
		}
		// ed2 (the assignee, an editor) writes the verdict: every active
		// reviewer and admin is asked, not its author nor editors.
		if _, err := s.AddSource(d.ctx, d.ed2, d.m, c.ID, report()); err != nil {
			t.Fatal(err)
		}
		v, err := s.ProposeVerdict(d.ctx, d.ed2, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings."})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []*models.User{d.rev, d.rev2, d.admin} {
			if got := inboxOf(t, d, u); len(got) == 0 || got[0] != "sent_to_review "+cid {
				t.Errorf("%s's inbox %v, want sent_to_review first", u.Email, got)
			}
		}
		for _, u := range []*models.User{d.ed, d.ed2, gone} {
			if got := inboxOf(t, d, u); slices.Contains(got, "sent_to_review "+cid) {
				t.Errorf("%s is asked to review: %v", u.Email, got)
			}
		}
		// rev sends it back to ed2, and is not told of it.
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges, Comment: "Cite the transcript."}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, d, d.ed2); !slices.Equal(got, []string{"sent_back " + cid, "assigned " + cid}) {
			t.Errorf("author's inbox %v", got)
		}
		// The admin edits the claim's words meanwhile, becoming one of the
		// verdict's authors; ed2 revises it and sends it to review again:
		// rev and rev2 are asked, the admin is not.
		words := "I did not have communications with the Russians, I said"
		if _, err := s.UpdateClaim(d.ctx, d.admin, d.m, c.ID, models.ClaimPatch{Text: &words}); err != nil {
			t.Fatal(err)
		}
		v = d.verdict(t, v.ID)
		v, err = s.ReviseVerdict(d.ctx, d.ed2, d.m, v.ID, models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Two meetings, per the transcript.", Version: v.Version})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []*models.User{d.rev, d.rev2} {
			if got := inboxOf(t, d, u); got[0] != "sent_to_review "+cid {
				t.Errorf("%s's inbox %v, want a new request first", u.Email, got)
			}
		}
		if got := inboxOf(t, d, d.admin); !slices.Equal(got, []string{"sent_to_review " + cid}) {
			t.Errorf("a co-author is asked to review: %v, want only the first request", got)
		}
		// rev2 approves: published. Whoever logged it and co-wrote it (the
		// admin), its assignee (ed), and its author (ed2) are told; rev2,
		// who approved, and rev, who only reviewed, are not.
		if _, err := s.ReviewVerdict(d.ctx, d.rev2, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		for _, u := range []*models.User{d.admin, d.ed, d.ed2} {
			if got := inboxOf(t, d, u); got[0] != "published "+cid || slices.Contains(got[1:], "published "+cid) {
				t.Errorf("%s's inbox %v, want published first, once", u.Email, got)
			}
		}
		for _, u := range []*models.User{d.rev, d.rev2} {
			if got := inboxOf(t, d, u); slices.Contains(got, "published "+cid) {
				t.Errorf("%s is told of the publication: %v", u.Email, got)
			}
		}
		// A correction by ed tells the others who worked on it.
		if _, err := s.AddCorrection(d.ctx, d.ed, d.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "The second meeting was in September."}); err != nil {
			t.Fatal(err)
		}
		for _, u := range []*models.User{d.admin, d.ed2} {
			if got := inboxOf(t, d, u); got[0] != "corrected "+cid {
				t.Errorf("%s's inbox %v, want corrected first", u.Email, got)
			}
		}
		if got := inboxOf(t, d, d.ed); got[0] == "corrected "+cid {
			t.Errorf("the corrector is told: %v", got)
		}
		if got := inboxOf(t, d, gone); len(got) != 0 {
			t.Errorf("disabled reviewer's inbox %v", got)
		}
		for _, u := range []*models.User{d.rev, d.rev2} {
			if got := inboxOf(t, d, u); slices.Contains(got, "corrected "+cid) {
				t.Errorf("%s, who only reviewed, is told of the correction: %v", u.Email, got)
			}
		}
		// ed2 publishes a newer verdict through rev: the rating change it
		// records and its publication are one piece of news, told once.
		before := len(inboxOf(t, d, d.admin))
		v2, err := s.ProposeVerdict(d.ctx, d.ed2, d.m, c.ID, models.VerdictInput{Rating: "true", Headline: "He met the ambassador", Explanation: "The later report settles it."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v2.ID, models.ReviewInput{Version: v2.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		if got := inboxOf(t, d, d.admin); len(got) != before+2 || got[0] != "published "+cid || got[1] != "sent_to_review "+cid {
			t.Errorf("admin's inbox after a newer verdict %v, want one request and one publication more", got)
		}
	})
}

// The inbox counts what is unread; a person marks one of theirs, or all,
// read, never someone else's (ErrNotFound, nothing changes); mail jobs
// are enqueued only for those who opted in on a site with mail.
func TestNotificationReadAndUnreadCounts(t *testing.T) {
	for _, mail := range []bool{false, true} {
		t.Run(map[bool]string{false: "without mail", true: "with mail"}[mail], func(t *testing.T) { testReadAndUnread(t, mail) })
	}
}

func testReadAndUnread(t *testing.T, mail bool) {
	{
		modelstest.ForEach(t, models.Config{MailEnabled: mail}, func(t *testing.T, s *models.Store) {
			d := newDesk(t, s)
			ctx := context.Background()
			if _, err := s.SetEmailNotifications(ctx, d.rev, d.m, true); (err == nil) != mail {
				t.Fatalf("mail %v: opting in: %v", mail, err)
			}
			if !mail {
				var ve *models.ValidationError
				_, err := s.SetEmailNotifications(ctx, d.rev, d.m, true)
				if !errors.As(err, &ve) || ve.Fields["email_notifications"].ID != "reasons.mail_off" {
					t.Errorf("opting in without mail: %v", err)
				}
			}
			c1, _, _ := d.proposed(t, "false")
			c2, _, _ := d.proposed(t, "true")
			if _, err := s.AddNote(ctx, d.ed, d.m, c1.ID, models.NoteInput{Body: "@rev see the transcript"}); err != nil {
				t.Fatal(err)
			}
			counts, err := s.DeskCounts(ctx, d.rev)
			if err != nil || counts.Unread != 3 {
				t.Fatalf("unread %d %v, want 3", counts.Unread, err)
			}
			if n, _ := s.UnreadNotifications(ctx, d.rev2); n != 2 {
				t.Errorf("rev2 unread %d, want 2", n)
			}
			jobs, err := s.ListJobs(ctx, models.JobFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var mails int
			for _, j := range jobs.Items {
				if j.Kind == models.JobSendMail {
					mails++
				}
			}
			if want := map[bool]int{false: 0, true: 3}[mail]; mails != want {
				t.Errorf("mail %v: %d mail jobs, want %d (rev's three)", mail, mails, want)
			}
			items, _ := s.Inbox(ctx, d.rev, models.InboxFilter{})
			if len(items) != 3 || items[0].Kind != models.EventMentioned || items[0].ActorName != "Test ed" || items[0].ClaimSummary != c1.Summary || !items[0].Unread() {
				t.Fatalf("inbox %+v", items)
			}
			if items[1].ClaimID != c2.ID {
				t.Errorf("not newest first: %+v", items)
			}
			// rev2 may not read rev's notification.
			if _, err := s.MarkNotificationRead(ctx, d.rev2, items[0].ID); !errors.Is(err, models.ErrNotFound) {
				t.Errorf("marking another's: %v", err)
			}
			if _, err := s.MarkNotificationsRead(ctx, d.rev2, []uint{items[0].ID}); !errors.Is(err, models.ErrNotFound) {
				t.Errorf("marking another's in a list: %v", err)
			}
			if n, _ := s.UnreadNotifications(ctx, d.rev); n != 3 {
				t.Errorf("another's mark changed rev's unread to %d", n)
			}
			n, err := s.MarkNotificationRead(ctx, d.rev, items[0].ID)
			if err != nil || n.ReadAt == nil || n.ClaimID != c1.ID {
				t.Fatalf("mark read: %+v %v", n, err)
			}
			if n, _ := s.UnreadNotifications(ctx, d.rev); n != 2 {
				t.Errorf("unread %d after one, want 2", n)
			}
			unread, _ := s.Inbox(ctx, d.rev, models.InboxFilter{Unread: true})
			if len(unread) != 2 || unread[0].ID != items[1].ID {
				t.Errorf("unread only: %+v", unread)
			}
			if got, err := s.MarkNotificationsRead(ctx, d.rev, nil); err != nil || got != 2 {
				t.Errorf("mark all: %d %v", got, err)
			}
			if n, _ := s.UnreadNotifications(ctx, d.rev); n != 0 {
				t.Errorf("unread %d after all", n)
			}
			if n, _ := s.UnreadNotifications(ctx, d.rev2); n != 2 {
				t.Errorf("rev2's unread changed to %d", n)
			}
			page, _ := s.Inbox(ctx, d.rev, models.InboxFilter{Limit: 2, Offset: 2})
			if len(page) != 1 || page[0].ID != items[2].ID {
				t.Errorf("second page %+v", page)
			}
		})
	}
}

// A notification goes with its claim when the claim is deleted.
func TestNotificationsGoWithTheirClaim(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		in := sworn()
		in.AssigneeID = d.ed2.ID
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := s.UnreadNotifications(d.ctx, d.ed2); n != 1 {
			t.Fatalf("unread %d", n)
		}
		if err := s.DeleteClaim(d.ctx, d.ed, d.m, c.ID, 0); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.UnreadNotifications(d.ctx, d.ed2); n != 0 {
			t.Errorf("unread %d after the claim was deleted", n)
		}
	})
}

// Whoever changed an update is one of its verdict's authors: submitting
// it asks every other reviewer, never them (they may not review it).
// The people asked are found once the submission is all written.
func TestSubmittedUpdateIsNotSentToItsEditors(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _ := d.published(t)
		u, err := s.OpenUpdate(d.ctx, d.ed, d.m, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		u, err = s.SaveUpdate(d.ctx, d.admin, d.m, u.ID, models.UpdatePatch{Text: ptr("I did not have communications with the Russians."), Note: ptr("We corrected the quote."), Revision: u.Revision})
		if err != nil {
			t.Fatal(err)
		}
		before := len(inboxOf(t, d, d.admin))
		if _, err := s.SubmitUpdate(d.ctx, d.ed, d.m, u.ID, u.Revision); err != nil {
			t.Fatal(err)
		}
		cid := idText(c.ID)
		if got := inboxOf(t, d, d.admin); len(got) != before {
			t.Errorf("the update's co-editor is asked to review it: %v", got)
		}
		if got := inboxOf(t, d, d.rev); len(got) == 0 || got[0] != "sent_to_review "+cid {
			t.Errorf("a reviewer's inbox %v, want the update's request first", got)
		}
	})
}
