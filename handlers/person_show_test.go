package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// textOf is the text of the first element sel finds, its white space
// collapsed.
func textOf(sel *goquery.Selection) string {
	return strings.Join(strings.Fields(sel.First().Text()), " ")
}

// mustRedirect checks that a GET of path as a reader answers 301 to location.
func (ts *testServer) mustRedirect(t *testing.T, path, location string) {
	t.Helper()
	r := ts.get(t, ts.client(t), path)
	if r.status != http.StatusMovedPermanently || r.header.Get("Location") != location {
		t.Errorf("GET %s: %d to %q, want 301 to %q", path, r.status, r.header.Get("Location"), location)
	}
}

// said is the seed claim with other words, said by speaker.
func said(speaker, words string) models.ClaimInput {
	in := seedInput()
	in.Speaker, in.Text, in.Summary = speaker, words, words
	return in
}

// TestPersonPageShowsTitleAffiliationAndSmallSample: the public page of a
// speaker gives their title and affiliation under the name, and says when
// the scorecard rests on fewer than five fact-checks; an edit shows on the
// page at once, although the page was served before.
func TestPersonPageShowsTitleAffiliationAndSmallSample(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, said("Priya Nandakumar", "Rail fares fell by a third last year"), "false", "x")
			reader := ts.client(t)
			if before := doc(t, ts.get(t, reader, "/people/priya-nandakumar").body); before.Find(".person-role").Length() != 0 {
				t.Fatal("a speaker without title or affiliation shows a role line")
			}
			_, err := ts.store.UpdatePerson(t.Context(), n.ed, models.Meta{}, c.PersonID, models.PersonInput{Name: "Priya Nandakumar",
				Title: "Transport minister", Affiliation: "Harbour Party", Description: "Minister since 2021.", Revision: 1})
			if err != nil {
				t.Fatal(err)
			}
			d := doc(t, ts.get(t, reader, "/people/priya-nandakumar").body)
			if got := textOf(d.Find("h1 + .person-role")); got != "Transport minister · Harbour Party" {
				t.Errorf("role line %q", got)
			}
			if got := textOf(d.Find(".lede")); got != "Minister since 2021." {
				t.Errorf("description %q", got)
			}
			if note := textOf(d.Find(".scorecard .small-sample")); note != "Based on 1 fact-check. Too few to show how often Priya Nandakumar is accurate; read each fact-check below." {
				t.Errorf("small-sample note %q", note)
			}
			if list := textOf(doc(t, ts.get(t, reader, "/people").body).Find(".people-list")); !strings.Contains(list, "Transport minister · Harbour Party ·") {
				t.Error("the people list does not give the title and affiliation")
			}
			for _, words := range []string{"Bus fares are the lowest in the region", "The tunnel will open in May",
				"Ferries run every ten minutes", "The new line carries a million a year"} {
				n.publish(t, said("Priya Nandakumar", words), "true", "x")
			}
			if d := doc(t, ts.get(t, reader, "/people/priya-nandakumar").body); d.Find(".small-sample").Length() != 0 {
				t.Error("a scorecard of five fact-checks still carries the small-sample note")
			}
		})
	}
}

// TestOldSpeakerAddressesRedirect: after renames and a merge, every
// address a speaker's page had answers 301 with the current one, keeping
// the page number; an address nobody had stays 404, and so does that of
// a speaker without public fact-checks.
func TestOldSpeakerAddressesRedirect(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			kept := n.publish(t, said("Priya Nandakumr", "Rail fares fell by a third last year"), "false", "x")
			moved := n.publish(t, said("Nandakumar", "The tunnel will open in May"), "false", "x")
			draft, err := ts.store.CreateClaim(t.Context(), n.ed, models.Meta{}, said("Owen Draft", "Ferries run every ten minutes"))
			if err != nil {
				t.Fatal(err)
			}
			s, ctx := ts.store, t.Context()
			if _, err := s.UpdatePerson(ctx, n.ed, models.Meta{}, kept.PersonID, models.PersonInput{Name: "Priya Nandakumar"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.MergePeople(ctx, n.rev, models.Meta{}, moved.PersonID, kept.PersonID, 0); err != nil {
				t.Fatal(err)
			}
			if _, err := s.UpdatePerson(ctx, n.ed, models.Meta{}, kept.PersonID, models.PersonInput{Name: "Priya R. Nandakumar"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.UpdatePerson(ctx, n.ed, models.Meta{}, draft.PersonID, models.PersonInput{Name: "Owen Drafted"}); err != nil {
				t.Fatal(err)
			}
			for _, old := range []string{"priya-nandakumr", "nandakumar", "priya-nandakumar"} {
				ts.mustRedirect(t, "/people/"+old, "/people/priya-r-nandakumar")
			}
			ts.mustRedirect(t, "/people/nandakumar?page=3", "/people/priya-r-nandakumar?page=3")
			if r := ts.get(t, ts.client(t), "/people/nandakumar"); r.header.Get("Cache-Control") != "public, no-cache" {
				t.Errorf("the redirect may be cached without revalidation: Cache-Control %q", r.header.Get("Cache-Control"))
			}
			for _, path := range []string{"/people/no-such-speaker", "/people/owen-draft", "/people/owen-drafted"} {
				if r := ts.get(t, ts.client(t), path); r.status != http.StatusNotFound {
					t.Errorf("GET %s: %d, want 404", path, r.status)
				}
			}
			d := doc(t, ts.get(t, ts.client(t), "/people/priya-r-nandakumar").body)
			if textOf(d.Find("h1")) != "Priya R. Nandakumar" || d.Find(".claim-list li").Length() != 2 {
				t.Errorf("the current page: %q with %d fact-checks", textOf(d.Find("h1")), d.Find(".claim-list li").Length())
			}
		})
	}
}
