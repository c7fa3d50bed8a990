package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

var updateInPath = regexp.MustCompile(`^/desk/updates/(\d+)$`)

// updateForm is the update form as the page fills it, read back from body:
// every field's value, as a browser would post it unchanged.
func updateForm(t *testing.T, e *deskEnv, body, action string) url.Values {
	t.Helper()
	form := url.Values{}
	for _, name := range []string{"revision", "source_rows"} {
		form.Set(name, hidden(t, body, action, name))
	}
	u, err := e.store.GetUpdate(t.Context(), updateID(t, action))
	if err != nil {
		t.Fatal(err)
	}
	form.Set("text", u.Text)
	form.Set("summary", u.Summary)
	form.Set("speaker", u.Speaker)
	form.Set("speaker_kind", string(u.SpeakerKind))
	form.Set("said_at", "2017-01-10")
	form.Set("setting", u.Setting)
	form.Set("tags", strings.Join(u.Tags, ", "))
	form.Set("rating", u.Rating)
	form.Set("headline", u.Headline)
	form.Set("explanation", u.Explanation)
	for i, src := range u.Sources {
		p := models.UpdateSourceField(i, "")
		form.Set(p+"source_id", idStr(src.SourceID))
		form.Set(p+"url", src.URL)
		form.Set(p+"title", src.Title)
		form.Set(p+"outlet", src.Outlet)
		form.Set(p+"published_at", src.PublishedAt)
		form.Set(p+"kind", string(src.Kind))
		form.Set(p+"stance", string(src.Stance))
		form.Set(p+"excerpt", src.Excerpt)
		form.Set(p+"locator", src.Locator)
	}
	return form
}

func updateID(t *testing.T, path string) uint {
	t.Helper()
	m := updateInPath.FindStringSubmatch(path)
	if m == nil {
		t.Fatalf("%q is not an update's page", path)
	}
	n, _ := strconv.Atoi(m[1])
	return uint(n)
}

// An editor updates a published fact-check in the desk: fixes the quote
// and adds a source. Until a reviewer approves, the public page is
// unchanged; then it shows the update, with the public note in the
// corrections, the corrections feed and dateModified.
func TestDeskUpdateOfPublishedFactCheck(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			cl, err := e.store.GetClaim(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			public := "/claims/" + cl.Slug
			before := e.page(t, e.ed, public, http.StatusOK)

			desk := e.page(t, e.ed, claimPath(id), http.StatusOK)
			mustContain(t, "published claim's desk page", desk, "Update this fact-check", `action="`+claimPath(id)+`/updates"`)
			r := e.mustPost(t, e.ed, claimPath(id)+"/updates", url.Values{}, http.StatusSeeOther, "")
			upath := r.header.Get("Location")
			updateID(t, upath)
			// Opening again goes to the same update.
			e.mustPost(t, e.other, claimPath(id)+"/updates", url.Values{}, http.StatusSeeOther, upath)

			page := e.page(t, e.ed, upath, http.StatusOK)
			mustContain(t, "new update", page, "Nothing yet: the update is still a copy", `name="sources[0].url"`, `name="sources[1].url"`, "Add a source",
				"He met the ambassador twice in 2016")
			form := updateForm(t, e, page, upath)
			form.Set("text", sworn+".")
			form.Set("sources[1].url", "https://www.example.gov/statement")
			form.Set("sources[1].title", "Statement by the Attorney General")
			form.Set("sources[1].kind", "statement")
			form.Set("sources[1].stance", "context")
			form.Set("sources[1].excerpt", "I have no idea what this allegation is about")
			form.Set("then", "submit")
			// Without a public note it is saved but not sent to review.
			r = e.mustPost(t, e.ed, upath, form, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-note", "What changed and why is required: say publicly what changed and why")
			form.Set("revision", hidden(t, r.body, upath, "revision"))
			form.Set("note", "We corrected the quote and added his response to the report.")
			e.mustPost(t, e.ed, upath, form, http.StatusSeeOther, upath+"?done=update-submitted")

			if got := e.page(t, e.ed, public, http.StatusOK); got != before {
				t.Fatal("the public page changed before the update was approved")
			}
			page = e.page(t, e.rev, upath, http.StatusOK)
			mustContain(t, "submitted update", page, "In review", "The words, verbatim", "Source added", "Statement by the Attorney General",
				"We corrected the quote", "Your review of version 1 of this update")
			if strings.Contains(e.page(t, e.ed, upath, http.StatusOK), `value="approve"`) {
				t.Error("the update's author is offered to approve it")
			}
			v := e.openVerdict(t, id)
			e.mustPost(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"decision": {"approve"}, "version": {strconv.Itoa(v.Version)}},
				http.StatusSeeOther, claimPath(id)+"?done=published#verdict")

			after := e.page(t, e.ed, public, http.StatusOK)
			mustContain(t, "updated public page", after, sworn+".", "Statement by the Attorney General", "We corrected the quote", `"dateModified"`)
			atom := e.page(t, e.ed, "/corrections.atom", http.StatusOK)
			mustContain(t, "corrections feed", atom, "We corrected the quote")
			hist := e.page(t, e.ed, claimPath(id)+"/history", http.StatusOK)
			mustContain(t, "history", hist, "Published versions", "Version 1", "Version 2")
		})
	}
}

// Bad input on the update form names the source row it is in and changes
// nothing; only the author or an admin may change the update.
func TestDeskUpdateRefusals(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			upath := e.mustPost(t, e.ed, claimPath(id)+"/updates", url.Values{}, http.StatusSeeOther, "").header.Get("Location")
			page := e.page(t, e.ed, upath, http.StatusOK)
			form := updateForm(t, e, page, upath)
			form.Set("sources[0].remove", "true")
			form.Set("sources[1].url", "not a url")
			form.Set("sources[1].title", "A new source")
			form.Set("then", "save")
			r := e.mustPost(t, e.ed, upath, form, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "src-1-url", "Address must be an http or https URL")
			u, _ := e.store.GetUpdate(t.Context(), updateID(t, upath))
			if u.Revision != 1 || len(u.Sources) != 1 {
				t.Fatalf("a refused save changed the update: revision %d, %d sources", u.Revision, len(u.Sources))
			}
			e.mustPost(t, e.other, upath, form, http.StatusForbidden, "")
			e.mustPost(t, e.other, upath+"/withdraw", url.Values{}, http.StatusForbidden, "")
			form.Set("source_rows", "5000")
			e.mustPost(t, e.ed, upath, form, http.StatusUnprocessableEntity, "")
			form.Set("source_rows", "2")
			e.page(t, e.ed, "/desk/updates/999999", http.StatusNotFound)
			e.mustPost(t, e.ed, upath+"/withdraw", url.Values{}, http.StatusSeeOther, claimPath(id)+"?done=update-withdrawn")
			e.mustPost(t, e.ed, upath, form, http.StatusConflict, "")
		})
	}
}

// A verdict typed for a revision that publication overtook opens the
// update with it; when it is refused (a headline too long), the update
// page shows it with the error, so that nothing typed is lost.
func TestDeskUpdateOpenedWithARefusedVerdictKeepsIt(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			long := strings.Repeat("Long headline ", 20)
			r := e.mustPost(t, e.ed, claimPath(id)+"/updates", url.Values{"rating": {"false"}, "headline": {long}, "explanation": {"Kept."}},
				http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "verdict-headline", "Headline must be at most 200 characters")
			mustContain(t, "refused kept verdict", r.body, strings.TrimSpace(long))
		})
	}
}
