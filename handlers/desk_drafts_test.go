package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// The desk's long forms name their unsaved draft (data-draft), which the
// browser keeps until the form is saved (static/files/drafts.js; the e2e
// tests drive it): the claim form, new and edited, the verdict form, new
// and revised, the source form, new and edited, the correction form and
// the update form. Every signed-in page loads the script with the user's
// id and the notice's words in the reader's language; a page for the
// public loads none.
func TestLongFormsNameTheirDrafts(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			draft := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(draft)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			inReview := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(inReview)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			verdict := e.openVerdict(t, inReview)
			published := e.newClaim(t)
			e.publish(t, published)
			update, _, _ := strings.Cut(e.mustPost(t, e.ed, claimPath(published)+"/updates", url.Values{}, http.StatusSeeOther, "").header.Get("Location"), "#")
			c, err := e.store.GetClaim(t.Context(), draft)
			if err != nil {
				t.Fatal(err)
			}
			source := "/desk/sources/" + idStr(c.Sources[0].ID)

			pages := []struct {
				path string
				// drafts are the forms' data-draft, by the address they post to.
				drafts map[string]string
			}{
				{"/desk/claims/new", map[string]string{"/desk/claims": "claim:new"}},
				{claimPath(draft) + "/edit", map[string]string{claimPath(draft): "claim:" + idStr(draft) + ":edit"}},
				{claimPath(draft), map[string]string{
					claimPath(draft) + "/sources":     "claim:" + idStr(draft) + ":source:new",
					claimPath(draft) + "/verdicts":    "claim:" + idStr(draft) + ":verdict:new",
					claimPath(draft) + "/notes#notes": "claim:" + idStr(draft) + ":note:new",
				}},
				{claimPath(inReview), map[string]string{"/desk/verdicts/" + idStr(verdict.ID): "verdict:" + idStr(verdict.ID)}},
				{claimPath(published), map[string]string{claimPath(published) + "/corrections": "claim:" + idStr(published) + ":correction:new"}},
				{source + "/edit", map[string]string{source: "source:" + idStr(c.Sources[0].ID) + ":edit"}},
				{update, map[string]string{update: "update:" + strings.TrimPrefix(update, "/desk/updates/")}},
			}
			for _, p := range pages {
				d := doc(t, e.page(t, e.ed, p.path, http.StatusOK))
				for action, want := range p.drafts {
					form := d.Find(`form[action="` + action + `"]`)
					if form.Length() != 1 {
						t.Errorf("%s: %d forms post to %s, want 1", p.path, form.Length(), action)
						continue
					}
					if got := form.AttrOr("data-draft", ""); got != want {
						t.Errorf("%s: the form that posts to %s keeps its draft as %q, want %q", p.path, action, got, want)
					}
				}
				script := d.Find(`script[src$="/drafts.js"]`)
				if script.Length() != 1 {
					t.Errorf("%s loads the drafts script %d times, want once", p.path, script.Length())
					continue
				}
				if got := script.AttrOr("data-user", ""); got != idStr(e.edUser.ID) {
					t.Errorf("%s: the drafts script is for user %q, want %d", p.path, got, e.edUser.ID)
				}
				if got := script.AttrOr("data-restored", ""); got != "Your unsaved changes from {time} were restored." {
					t.Errorf("%s: the restored notice reads %q", p.path, got)
				}
			}
			// Other forms keep no draft: the review form, say.
			if d := doc(t, e.page(t, e.rev, claimPath(inReview), http.StatusOK)); d.Find(`form[action$="/reviews"][data-draft]`).Length() != 0 {
				t.Error("the review form keeps a draft")
			}
			// In French, the words are French.
			fr := doc(t, e.page(t, e.ed, claimPath(inReview)+"?lang=fr", http.StatusOK))
			if got := fr.Find(`script[src$="/drafts.js"]`).AttrOr("data-discard", ""); got != "Les abandonner" {
				t.Errorf("the French page's Discard button reads %q", got)
			}
			// The public, signed out, loads no script at all.
			for _, path := range []string{"/", "/login", "/claims/" + mustSlug(t, e, published)} {
				if body := e.page(t, e.client(t), path, http.StatusOK); strings.Contains(body, "<script src") || strings.Contains(body, "data-draft") {
					t.Errorf("%s loads a script for the public", path)
				}
			}
		})
	}
}

// mustSlug is claim id's slug.
func mustSlug(t *testing.T, e *deskEnv, id uint) string {
	t.Helper()
	c, err := e.store.GetClaim(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Slug
}
