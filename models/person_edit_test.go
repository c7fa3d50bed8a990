package models_test

import (
	"errors"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// saidBy is the sworn claim with its own words, said by speaker.
func saidBy(speaker, words string) models.ClaimInput {
	in := sworn()
	in.Speaker, in.Text, in.Summary = speaker, words, words
	return in
}

// person reads a speaker by id, failing the test when they are gone.
func (d *desk) person(t *testing.T, id uint) *models.Person {
	t.Helper()
	p, err := d.s.PersonByID(d.ctx, id)
	if err != nil {
		t.Fatalf("person %d: %v", id, err)
	}
	return p
}

// redirect is where the former slug of a speaker's page now leads, "" for
// nowhere.
func (d *desk) redirect(t *testing.T, slug string) string {
	t.Helper()
	to, err := d.s.PersonRedirect(d.ctx, slug)
	if errors.Is(err, models.ErrNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// versions are the site version and the version of one claim page.
func (d *desk) versions(t *testing.T, slug string) (site, page string) {
	t.Helper()
	sv, err := fresh(d.ctx, d.s, d.s.SiteVersion)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := fresh(d.ctx, d.s, claimPage(d.s, slug))
	if err != nil {
		t.Fatal(err)
	}
	return sv.Tag, pv.Tag
}

// TestSpeakerEditsRenameAndRedirect: a speaker's name, title, affiliation,
// description and kind can be edited; a rename gives the page a new
// address and every former address keeps leading to the current one, also
// after a chain of renames and a rename back. A new name re-versions the
// speaker's claim pages and their search entries; a new description only
// what the site version covers; a speaker with drafts only, nothing public.
func TestSpeakerEditsRenameAndRedirect(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c := d.publish(t, saidBy("Priya Nandakumr", "Rail fares fell by a third last year"), "false")
		p := d.person(t, c.PersonID)
		if p.Slug != "priya-nandakumr" || p.Revision != 1 {
			t.Fatalf("new speaker: slug %q revision %d", p.Slug, p.Revision)
		}
		site0, page0 := d.versions(t, c.Slug)

		got, err := s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Priya Nandakumar", Kind: models.KindPerson,
			Title: "Transport minister", Affiliation: "Harbour Party", Description: "Minister since 2021.", Revision: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got.Slug != "priya-nandakumar" || got.Revision != 2 || got.Title != "Transport minister" || got.Affiliation != "Harbour Party" {
			t.Fatalf("after the edit: %+v", got)
		}
		if to := d.redirect(t, "priya-nandakumr"); to != "priya-nandakumar" {
			t.Errorf("old slug leads to %q, want priya-nandakumar", to)
		}
		site1, page1 := d.versions(t, c.Slug)
		if site1 == site0 || page1 == page0 {
			t.Errorf("a new name must re-version the claim page and the site: site %s→%s, page %s→%s", site0, site1, page0, page1)
		}
		if hits := searchHits(t, d, "Nandakumar"); len(hits) != 1 || hits[0].ID != c.ID {
			t.Errorf("search by the new name finds %d claims", len(hits))
		}

		// Only the description: the site moves, the claim page does not.
		if _, err := s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Priya Nandakumar", Title: "Transport minister",
			Affiliation: "Harbour Party", Description: "Minister of transport since 2021.", Revision: 2}); err != nil {
			t.Fatal(err)
		}
		site2, page2 := d.versions(t, c.Slug)
		if site2 == site1 || page2 != page1 {
			t.Errorf("a new description: site %s→%s (must move), page %s→%s (must not)", site1, site2, page1, page2)
		}

		// A chain of renames: every former slug leads to the newest.
		if _, err := s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Priya R. Nandakumar", Revision: 3}); err != nil {
			t.Fatal(err)
		}
		for _, old := range []string{"priya-nandakumr", "priya-nandakumar"} {
			if to := d.redirect(t, old); to != "priya-r-nandakumar" {
				t.Errorf("after two renames %s leads to %q, want priya-r-nandakumar", old, to)
			}
		}
		// Back to a former name: the speaker takes that address back.
		back, err := s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Priya Nandakumar", Revision: 4})
		if err != nil {
			t.Fatal(err)
		}
		if back.Slug != "priya-nandakumar" || d.redirect(t, "priya-nandakumar") != "" || d.redirect(t, "priya-r-nandakumar") != "priya-nandakumar" {
			t.Errorf("renamed back: slug %q; priya-nandakumar → %q, priya-r-nandakumar → %q", back.Slug, d.redirect(t, "priya-nandakumar"), d.redirect(t, "priya-r-nandakumar"))
		}
		// A former address is never given to another speaker.
		other, err := s.CreatePerson(d.ctx, d.ed, d.m, models.PersonInput{Name: "Priya Nandakumr"})
		if err != nil {
			t.Fatal(err)
		}
		if other.Slug == "priya-nandakumr" {
			t.Error("a new speaker took a former address of another speaker")
		}

		// A speaker with drafts only has no public page: nothing public moves.
		draft, err := s.CreateClaim(d.ctx, d.ed, d.m, saidBy("Owen Draft", "The ferry runs every ten minutes"))
		if err != nil {
			t.Fatal(err)
		}
		site3, _ := d.versions(t, c.Slug)
		if _, err := s.UpdatePerson(d.ctx, d.ed, d.m, draft.PersonID, models.PersonInput{Name: "Owen Drafted", Kind: models.KindOrganization}); err != nil {
			t.Fatal(err)
		}
		if site4, _ := d.versions(t, c.Slug); site4 != site3 {
			t.Errorf("editing a speaker with drafts only moved the site version %s→%s", site3, site4)
		}

		events, err := s.PersonHistory(d.ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 5 || events[0].Action != "person.create" || events[1].Action != "person.update" || events[1].ActorID == nil || *events[1].ActorID != d.ed.ID {
			t.Errorf("history: %d events, first %+v", len(events), events)
		}
	})
}

// TestSpeakerEditRefusals: a stale edit, a name another speaker has, a
// role that may not, each change nothing.
func TestSpeakerEditRefusals(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c := d.publish(t, saidBy("Nandakumar", "The tunnel will open in May"), "false")
		d.publish(t, saidBy("Priya Nandakumar", "Bus fares are the lowest in the region"), "true")
		p := d.person(t, c.PersonID)

		_, err := s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Nandakumar", Title: "Minister", Revision: 2})
		var stale *models.StaleError
		if !errors.As(err, &stale) || stale.Current != 1 {
			t.Errorf("stale edit: %v", err)
		}
		_, err = s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "priya NANDAKUMAR", Revision: 1})
		if models.FieldErrors(err)["name"] == "" {
			t.Errorf("another speaker's name: %v", err)
		}
		_, err = s.UpdatePerson(d.ctx, d.ed, d.m, p.ID, models.PersonInput{Name: "Nandakumar", Kind: "robot", Title: string(make([]byte, 201))})
		if fe := models.FieldErrors(err); fe["kind"] == "" || fe["title"] == "" {
			t.Errorf("bad kind and title: %v", err)
		}
		if _, err := s.MergePeople(d.ctx, d.ed, d.m, p.ID, p.ID+1, 0); !errors.Is(err, models.ErrForbidden) {
			t.Errorf("an editor merged: %v", err)
		}
		if err := s.DeletePerson(d.ctx, d.ed, d.m, p.ID, 0); !errors.Is(err, models.ErrForbidden) {
			t.Errorf("an editor deleted: %v", err)
		}
		if now := d.person(t, p.ID); now.Revision != 1 || now.Title != "" || now.Name != "Nandakumar" {
			t.Errorf("refused edits changed the speaker: %+v", now)
		}
		if ev, _ := s.PersonHistory(d.ctx, p.ID); len(ev) != 1 {
			t.Errorf("refused edits wrote %d events", len(ev)-1)
		}
	})
}

// TestMergeNandakumarIntoPriyaNandakumar: a claim logged under
// "Nandakumar" is merged into "Priya Nandakumar": the claims move with a
// record in each claim's history, the title the kept speaker lacked comes
// along, the old page address leads to the kept speaker's (also after the
// kept speaker is renamed), the claim pages are re-versioned, and
// "Nandakumar" is gone.
func TestMergeNandakumarIntoPriyaNandakumar(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		kept := d.publish(t, saidBy("Priya Nandakumar", "Bus fares are the lowest in the region"), "true")
		moved := d.publish(t, saidBy("Nandakumar", "The tunnel will open in May"), "false")
		draft, err := s.CreateClaim(d.ctx, d.ed, d.m, saidBy("Nandakumar", "The ferry will be free for pupils"))
		if err != nil {
			t.Fatal(err)
		}
		from, into := d.person(t, moved.PersonID), d.person(t, kept.PersonID)
		if _, err := s.UpdatePerson(d.ctx, d.ed, d.m, from.ID, models.PersonInput{Name: "Nandakumar", Title: "Transport minister", Revision: 1}); err != nil {
			t.Fatal(err)
		}
		site0, page0 := d.versions(t, moved.Slug)
		_, keptPage0 := d.versions(t, kept.Slug)

		// Refusals first, each changing nothing.
		var stale *models.StaleError
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, from.ID, into.ID, 1); !errors.As(err, &stale) {
			t.Errorf("merge from a stale revision: %v", err)
		}
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, from.ID, from.ID, 0); models.FieldErrors(err)["into"] == "" {
			t.Errorf("merge into itself: %v", err)
		}
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, from.ID, 9999, 0); models.FieldErrors(err)["into"] == "" {
			t.Errorf("merge into nobody: %v", err)
		}
		if _, err := s.MergePeople(d.ctx, d.rev, d.m, 9999, into.ID, 0); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("merge of nobody: %v", err)
		}

		got, err := s.MergePeople(d.ctx, d.rev, d.m, from.ID, into.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != into.ID || got.Name != "Priya Nandakumar" || got.Title != "Transport minister" {
			t.Errorf("kept speaker after the merge: %+v", got)
		}
		if _, err := s.PersonByID(d.ctx, from.ID); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("the merged speaker is still there: %v", err)
		}
		for _, id := range []uint{moved.ID, draft.ID} {
			c, err := s.GetClaim(d.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if c.PersonID != into.ID || c.Revision < 2 {
				t.Errorf("claim %d: speaker %d revision %d, want %d and a new revision", id, c.PersonID, c.Revision, into.ID)
			}
			hist, err := s.ClaimHistory(d.ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			last := hist[len(hist)-1]
			if last.Action != "claim.speaker_merge" || last.Before != `{"speaker":"Nandakumar"}` || last.After != `{"speaker":"Priya Nandakumar"}` {
				t.Errorf("claim %d history ends with %s %s → %s", id, last.Action, last.Before, last.After)
			}
		}
		if n, _ := s.CountClaimsOf(d.ctx, into.ID); n != 3 {
			t.Errorf("the kept speaker has %d claims, want 3", n)
		}
		if pp, err := s.PublicPersonBySlug(d.ctx, "priya-nandakumar"); err != nil || pp.PublicClaims != 2 {
			t.Errorf("public claims of the kept speaker: %v %v", pp, err)
		}
		card, err := s.Scorecard(d.ctx, into.ID)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, r := range card {
			total += r.Count
		}
		if total != 2 {
			t.Errorf("scorecard counts %d fact-checks, want 2", total)
		}
		site1, page1 := d.versions(t, moved.Slug)
		_, keptPage1 := d.versions(t, kept.Slug)
		if site1 == site0 || page1 == page0 {
			t.Errorf("the moved claim's page and the site must be re-versioned: site %s→%s, page %s→%s", site0, site1, page0, page1)
		}
		if keptPage1 != keptPage0 {
			t.Errorf("the kept speaker's own claim page changed %s→%s, though nothing it shows did", keptPage0, keptPage1)
		}
		if to := d.redirect(t, "nandakumar"); to != "priya-nandakumar" {
			t.Errorf("/people/nandakumar leads to %q", to)
		}
		ev, err := s.PersonHistory(d.ctx, into.ID)
		if err != nil {
			t.Fatal(err)
		}
		if last := ev[len(ev)-1]; last.Action != "person.merge" || last.ActorID == nil || *last.ActorID != d.rev.ID {
			t.Errorf("the kept speaker's history ends with %+v", last)
		}

		// The kept speaker renamed: the merged one's address follows.
		if _, err := s.UpdatePerson(d.ctx, d.ed, d.m, into.ID, models.PersonInput{Name: "Priya R. Nandakumar", Title: "Transport minister"}); err != nil {
			t.Fatal(err)
		}
		for _, old := range []string{"nandakumar", "priya-nandakumar"} {
			if to := d.redirect(t, old); to != "priya-r-nandakumar" {
				t.Errorf("after merge and rename, %s leads to %q", old, to)
			}
		}
		// Logging "Nandakumar" again makes a new speaker at a new address;
		// the old address still leads to the merged record.
		again, err := s.CreatePerson(d.ctx, d.ed, d.m, models.PersonInput{Name: "Nandakumar"})
		if err != nil {
			t.Fatal(err)
		}
		if again.Slug == "nandakumar" || d.redirect(t, "nandakumar") != "priya-r-nandakumar" {
			t.Errorf("a new Nandakumar took slug %q", again.Slug)
		}
	})
}

// TestDeleteSpeaker: a speaker with claims cannot be deleted (409, merge
// instead); one without can, by a reviewer, with a record kept.
func TestDeleteSpeaker(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, saidBy("Nandakumar", "The tunnel will open in May"))
		if err != nil {
			t.Fatal(err)
		}
		err = s.DeletePerson(d.ctx, d.rev, d.m, c.PersonID, 1)
		var ce *models.ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, models.ErrConflict) || ce.Reason.String() != "Nandakumar has 1 claim, so the speaker cannot be deleted. Merge the speaker into another one instead." {
			t.Errorf("delete with a claim: %v", err)
		}
		d.person(t, c.PersonID)

		empty, err := s.CreatePerson(d.ctx, d.ed, d.m, models.PersonInput{Name: "Nobody Yet"})
		if err != nil {
			t.Fatal(err)
		}
		var stale *models.StaleError
		if err := s.DeletePerson(d.ctx, d.rev, d.m, empty.ID, 3); !errors.As(err, &stale) {
			t.Errorf("stale delete: %v", err)
		}
		if err := s.DeletePerson(d.ctx, d.rev, d.m, empty.ID, 1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PersonByID(d.ctx, empty.ID); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("deleted speaker still there: %v", err)
		}
		if err := s.DeletePerson(d.ctx, d.rev, d.m, empty.ID, 0); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("delete again: %v", err)
		}
		ev, err := s.AuditEvents(d.ctx, models.AuditQuery{ObjectType: "person", ObjectID: empty.ID, Action: "person.delete"})
		if err != nil || len(ev) != 1 || ev[0].Before == "" {
			t.Errorf("no record of the deletion: %v %v", ev, err)
		}
	})
}
