package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Speakers: edited, merged and deleted on the desk and through the API,
// and what the public pages then say.

// saying is the sworn claim form with other words, said by speaker.
func saying(speaker, words string) url.Values {
	f := with(claimForm(), "speaker", speaker)
	f.Set("text", words)
	f.Set("summary", words)
	return f
}

// speakerOf returns the speaker of claim id.
func (e *deskEnv) speakerOf(t *testing.T, id uint) *models.Person {
	t.Helper()
	c := e.storedClaim(t, id)
	if c.Person == nil {
		t.Fatalf("claim %d has no speaker", id)
	}
	return c.Person
}

// personDesk is the desk page of speaker p.
func personDesk(p *models.Person) string { return "/desk/people/" + idStr(p.ID) }

// TestMergeNandakumarOnTheDesk: a claim logged from a quote under
// "Nandakumar" is merged by a reviewer into "Priya Nandakumar". The claim
// moves, its public page names the kept speaker at once, its history says
// so, /people/nandakumar answers 301 with the kept speaker's page, and
// keeps doing so after the kept speaker is renamed. Editors may edit a
// speaker but not merge or delete one.
func TestMergeNandakumarOnTheDesk(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			kept := e.created(t, e.ed, "/desk/claims", saying("Priya Nandakumar", "Rail fares fell by a third last year"))
			e.publish(t, kept)
			moved := e.created(t, e.ed, "/desk/claims", saying("Nandakumar", "The tunnel will open in May"))
			e.publish(t, moved)
			from, into := e.speakerOf(t, moved), e.speakerOf(t, kept)
			if from.ID == into.ID {
				t.Fatal("Nandakumar was logged as Priya Nandakumar")
			}
			reader := e.client(t)
			movedPage := "/claims/" + e.storedClaim(t, moved).Slug
			if body := e.get(t, reader, movedPage).body; !strings.Contains(body, `href="/people/nandakumar"`) {
				t.Fatal("the claim page does not link Nandakumar's page")
			}
			e.page(t, reader, "/people/nandakumar", http.StatusOK)

			// The editor sees the likely duplicate, but no merge or delete.
			shown := e.page(t, e.ed, personDesk(from), http.StatusOK)
			dup := doc(t, shown).Find(`a[href="` + personDesk(into) + `"]`)
			if dup.Length() == 0 || dup.Text() != "Priya Nandakumar" {
				t.Error("the desk page of Nandakumar does not offer Priya Nandakumar as the same speaker")
			}
			if strings.Contains(shown, personDesk(from)+`/merge"`) || strings.Contains(shown, personDesk(from)+`/delete"`) {
				t.Error("an editor is shown the merge or delete form")
			}
			for _, action := range []string{"/merge", "/delete"} {
				r := e.post(t, e.ed, personDesk(from)+action, url.Values{"into": {"Priya Nandakumar"}, "revision": {"1"}})
				if r.status != http.StatusForbidden {
					t.Errorf("an editor's POST %s: %d, want 403", action, r.status)
				}
			}

			// The reviewer merges.
			shown = e.page(t, e.rev, personDesk(from), http.StatusOK)
			rev := hidden(t, shown, personDesk(from)+"/merge", "revision")
			e.mustPost(t, e.rev, personDesk(from)+"/merge", url.Values{"into": {"Priya Nandakumar"}, "revision": {rev}},
				http.StatusSeeOther, personDesk(into)+"?done=person-merged")
			if c := e.storedClaim(t, moved); c.PersonID != into.ID {
				t.Fatalf("the claim is still under speaker %d", c.PersonID)
			}
			e.page(t, e.ed, personDesk(from), http.StatusNotFound)

			e.mustRedirect(t, "/people/nandakumar", "/people/priya-nandakumar")
			e.mustRedirect(t, "/people/nandakumar?page=2", "/people/priya-nandakumar?page=2")
			e.page(t, reader, "/people/no-such-speaker", http.StatusNotFound)
			page := doc(t, e.get(t, reader, movedPage).body)
			if page.Find(`a[href="/people/priya-nandakumar"]`).Length() == 0 || page.Find(`a[href="/people/nandakumar"]`).Length() != 0 {
				t.Error("the moved claim's public page still names Nandakumar")
			}
			if ld := page.Find(`script[type="application/ld+json"]`).Text(); !strings.Contains(ld, `"name":"Priya Nandakumar"`) {
				t.Errorf("the moved claim's ClaimReview does not name Priya Nandakumar: %s", ld)
			}
			person := doc(t, e.get(t, reader, "/people/priya-nandakumar").body)
			if n := person.Find(".claim-list li").Length(); n != 2 {
				t.Errorf("Priya Nandakumar's page lists %d fact-checks, want 2", n)
			}

			hist := doc(t, e.page(t, e.ed, claimPath(moved)+"/history", http.StatusOK))
			last := hist.Find(".history-list > li").Last()
			if what := textOf(last.Find(".what")); what != "Test rev merged the claim's speaker into another" {
				t.Errorf("the claim's history ends with %q", what)
			}
			if dt, dd := textOf(last.Find(".changes dt")), textOf(last.Find(".changes dd")); dt != "Speaker" || dd != "was: Nandakumar → now: Priya Nandakumar" {
				t.Errorf("the claim's history shows %q: %q", dt, dd)
			}
			keptDesk := doc(t, e.page(t, e.ed, personDesk(into)+"?done=person-merged", http.StatusOK))
			if what := textOf(keptDesk.Find(".history-list > li").Last().Find(".what")); what != "Test rev merged another speaker into this one" {
				t.Errorf("the kept speaker's history ends with %q", what)
			}

			// The kept speaker renamed: every old address leads to the new one.
			rename := url.Values{"name": {"Priya R. Nandakumar"}, "kind": {"person"}, "revision": {hidden(t, e.page(t, e.ed, personDesk(into), http.StatusOK), personDesk(into), "revision")}}
			e.mustPost(t, e.ed, personDesk(into), rename, http.StatusSeeOther, personDesk(into)+"?done=person-updated")
			e.mustRedirect(t, "/people/nandakumar", "/people/priya-r-nandakumar")
			e.mustRedirect(t, "/people/priya-nandakumar", "/people/priya-r-nandakumar")
			if h1 := doc(t, e.page(t, reader, "/people/priya-r-nandakumar", http.StatusOK)).Find("h1").Text(); h1 != "Priya R. Nandakumar" {
				t.Errorf("the renamed page is headed %q", h1)
			}
		})
	}
}

// TestDeskSpeakerRefusals: a speaker with claims is not deleted (409, the
// page says to merge instead); a merge or an edit made from a page shown
// before someone changed the speaker saves nothing (409); an edit that
// takes another speaker's name, or a merge into a name nobody has, is a
// 422 naming the field. A speaker without claims is deleted.
func TestDeskSpeakerRefusals(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.created(t, e.ed, "/desk/claims", saying("Nandakumar", "The tunnel will open in May"))
			e.created(t, e.ed, "/desk/claims", saying("Priya Nandakumar", "Rail fares fell by a third last year"))
			p := e.speakerOf(t, id)
			path := personDesk(p)
			shown := e.page(t, e.rev, path, http.StatusOK)

			r := e.post(t, e.rev, path+"/delete", url.Values{"revision": {hidden(t, shown, path, "revision")}})
			if r.status != http.StatusConflict || !strings.Contains(r.body, "<bdi>Nandakumar</bdi> has 1 claim, so the speaker cannot be deleted. Merge the speaker into another one instead.") {
				t.Errorf("delete of a speaker with a claim: %d", r.status)
			}

			r = e.post(t, e.ed, path, url.Values{"name": {"priya nandakumar"}, "kind": {"person"}, "revision": {"1"}})
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("rename to another speaker's name: %d", r.status)
			}
			fieldError(t, r.body, "person-name", "Name is another speaker&#39;s name: merge the two speakers instead")
			r = e.post(t, e.rev, path+"/merge", url.Values{"into": {"Nobody Atall"}, "revision": {"1"}})
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("merge into nobody: %d", r.status)
			}
			fieldError(t, r.body, "merge-into", "Speaker to keep is not the name of a logged speaker")
			r = e.post(t, e.rev, path+"/merge", url.Values{"into": {"NANDAKUMAR"}, "revision": {"1"}})
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("merge into itself: %d", r.status)
			}
			fieldError(t, r.body, "merge-into", "Speaker to keep must be another speaker than the one merged")

			// Someone edits the speaker; the merge from the older page saves nothing.
			e.mustPost(t, e.ed, path, url.Values{"name": {"Nandakumar"}, "kind": {"person"}, "title": {"Minister"}, "revision": {"1"}}, http.StatusSeeOther, "")
			r = e.post(t, e.rev, path+"/merge", url.Values{"into": {"Priya Nandakumar"}, "revision": {"1"}})
			if r.status != http.StatusConflict || !strings.Contains(r.body, "so nothing was merged") {
				t.Fatalf("stale merge: %d\n%s", r.status, errorsIn(r.body))
			}
			if got := hidden(t, r.body, path+"/merge", "revision"); got != "2" {
				t.Errorf("the refused merge form carries revision %s, want 2", got)
			}
			if c := e.storedClaim(t, id); c.PersonID != p.ID {
				t.Fatal("a stale merge moved the claim")
			}

			empty, err := e.store.CreatePerson(t.Context(), e.edUser, models.Meta{}, models.PersonInput{Name: "Nobody Yet"})
			if err != nil {
				t.Fatal(err)
			}
			e.mustPost(t, e.rev, personDesk(empty)+"/delete", url.Values{"revision": {"1"}}, http.StatusSeeOther, "/desk/people?done=person-deleted")
			e.page(t, e.rev, personDesk(empty), http.StatusNotFound)
			list := doc(t, e.page(t, e.ed, "/desk/people?q=nanda", http.StatusOK))
			if got := texts(list.Find(".row-title")); fmt.Sprint(got) != "[Nandakumar Priya Nandakumar]" {
				t.Errorf("the desk's search for nanda lists %v", got)
			}
		})
	}
}

// TestAPISpeakers: the API reads, edits, merges and deletes speakers with
// the desk's rules: If-Match guards each change, merging and deleting need
// a reviewer, a speaker with claims is not deleted (409 saying why), and
// the old page address redirects after a merge.
func TestAPISpeakers(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			kept := e.published(t, "Rail fares fell by a third")
			e.draft(t, asAuthor, "Buses are free")
			quote := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/claims",
				`{"text":"The tunnel will open in May","summary":"The tunnel will open in May","speaker":"Nandakumar"}`)
			claimID := quote.id(t, "id")
			fromID := quote.id(t, "speaker_id")
			intoID := e.must(t, http.StatusOK, asEditor, "GET", apiPath("/claims/%d", kept.ID), "").id(t, "speaker_id")

			list := e.must(t, http.StatusOK, asEditor, "GET", "/api/v1/people?q=SPEAK", "")
			apiExpect(t, "people named like speak", list, http.StatusOK, map[string]any{
				"people.#": 1, "people.0.id": intoID, "people.0.name": "Pat Speaker", "people.0.slug": "pat-speaker", "people.0.kind": "person",
				"people.0.title": "", "people.0.affiliation": "", "people.0.claims": 2, "people.0.public_claims": 1,
				"people.0.created_at": apiStamp, "people.0.updated_at": apiStamp, "people.0.revision": 1,
				"page": 1, "per_page": 50, "next_page": nil})
			apiExpect(t, "bad page", e.call(t, asEditor, "GET", "/api/v1/people?page=0", ""), http.StatusUnprocessableEntity,
				apiInvalid("page", "must be a whole number from 1 to 100000"))

			show := e.must(t, http.StatusOK, asEditor, "GET", apiPath("/people/%d", fromID), "")
			tag := etagOf(t, "GET person", show)
			if tag != fmt.Sprintf(`"person-%d.r1"`, fromID) {
				t.Errorf("ETag %s", tag)
			}
			edited := e.callWith(t, asEditor, "PATCH", apiPath("/people/%d", fromID), `{"title":"Transport minister","affiliation":"Harbour Party"}`, map[string]string{"If-Match": tag})
			apiExpect(t, "PATCH", edited, http.StatusOK, map[string]any{"name": "Nandakumar", "slug": "nandakumar", "title": "Transport minister",
				"affiliation": "Harbour Party", "description": "", "kind": "person", "claims": 1, "public_claims": 0, "revision": 2})
			apiExpect(t, "PATCH to another speaker's name", e.call(t, asEditor, "PATCH", apiPath("/people/%d", fromID), `{"name":"pat speaker"}`),
				http.StatusUnprocessableEntity, apiInvalid("name", "is another speaker's name: merge the two speakers instead"))
			apiExpect(t, "PATCH with a bad kind", e.call(t, asEditor, "PATCH", apiPath("/people/%d", fromID), `{"kind":"robot"}`),
				http.StatusUnprocessableEntity, apiInvalid("kind", "must be person or organization"))
			apiExpect(t, "PATCH of nobody", e.call(t, asEditor, "PATCH", "/api/v1/people/99999", `{"title":"x"}`),
				http.StatusNotFound, apiFail("not_found", "There is nothing at this address."))

			merge := apiPath("/people/%d/merge", fromID)
			events := e.auditCount(t)
			apiExpect(t, "merge as an editor", e.call(t, asEditor, "POST", merge, fmt.Sprintf(`{"into":%d}`, intoID)),
				http.StatusForbidden, apiFail("forbidden", "Your account may not do this."))
			apiExpect(t, "merge without into", e.call(t, asReviewer, "POST", merge, `{}`),
				http.StatusUnprocessableEntity, apiInvalid("into", "is required: the id of the speaker to keep"))
			apiExpect(t, "merge into nobody", e.call(t, asReviewer, "POST", merge, `{"into":99999}`),
				http.StatusUnprocessableEntity, apiInvalid("into", "is not a logged speaker"))
			apiExpect(t, "merge into itself", e.call(t, asReviewer, "POST", merge, fmt.Sprintf(`{"into":%d}`, fromID)),
				http.StatusUnprocessableEntity, apiInvalid("into", "must be another speaker than the one merged"))
			apiExpect(t, "merge from an old ETag", e.callWith(t, asReviewer, "POST", merge, fmt.Sprintf(`{"into":%d}`, intoID), map[string]string{"If-Match": tag}),
				http.StatusPreconditionFailed, map[string]any{"error.code": "stale"})
			apiExpect(t, "delete with a claim", e.call(t, asReviewer, "DELETE", apiPath("/people/%d", fromID), ""), http.StatusConflict,
				apiFail("conflict", "Nandakumar has 1 claim, so the speaker cannot be deleted. Merge the speaker into another one instead."))
			if e.auditCount(t) != events {
				t.Error("refused requests wrote to the audit log")
			}

			merged := e.callWith(t, asReviewer, "POST", merge, fmt.Sprintf(`{"into":%d}`, intoID), map[string]string{"If-Match": fmt.Sprintf(`"person-%d.r2"`, fromID)})
			apiExpect(t, "merge", merged, http.StatusOK, map[string]any{"id": intoID, "name": "Pat Speaker", "title": "Transport minister",
				"affiliation": "Harbour Party", "claims": 3, "public_claims": 1, "revision": 2})
			if got := etagOf(t, "merge", merged); got != fmt.Sprintf(`"person-%d.r2"`, intoID) {
				t.Errorf("merge answers ETag %s", got)
			}
			e.must(t, http.StatusNotFound, asEditor, "GET", apiPath("/people/%d", fromID), "")
			apiExpect(t, "the moved claim", e.must(t, http.StatusOK, asEditor, "GET", apiPath("/claims/%d", claimID), ""), http.StatusOK,
				map[string]any{"speaker": "Pat Speaker", "speaker_id": intoID, "speaker_slug": "pat-speaker", "revision": 2})
			hist := e.must(t, http.StatusOK, asEditor, "GET", apiPath("/claims/%d/history", claimID), "")
			n := hist.count(t, "events")
			apiExpect(t, "the moved claim's history", hist, http.StatusOK, map[string]any{
				fmt.Sprintf("events.%d.action", n-1): "claim.speaker_merge", fmt.Sprintf("events.%d.actor", n-1): "reviewer@example.org",
				fmt.Sprintf("events.%d.before.speaker", n-1): "Nandakumar", fmt.Sprintf("events.%d.after.speaker", n-1): "Pat Speaker"})
			e.mustRedirect(t, "/people/nandakumar", "/people/pat-speaker")

			empty := e.speaker(t, "Nobody Yet")
			apiExpect(t, "delete from an old ETag", e.callWith(t, asAdmin, "DELETE", apiPath("/people/%d", empty.ID), "", map[string]string{"If-Match": fmt.Sprintf(`"person-%d.r7"`, empty.ID)}),
				http.StatusPreconditionFailed, map[string]any{"error.code": "stale"})
			e.must(t, http.StatusNoContent, asAdmin, "DELETE", apiPath("/people/%d", empty.ID), "")
			e.must(t, http.StatusNotFound, asAdmin, "DELETE", apiPath("/people/%d", empty.ID), "")
		})
	}
}
