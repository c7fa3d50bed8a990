package handlers_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// deskEditable is one kind of object the desk edits with a form, as the
// lost-update tests drive it.
type deskEditable struct {
	name string
	// setup makes a fresh object and says how to edit it.
	setup func(t *testing.T, e *deskEnv) deskEdit
}

type deskEdit struct {
	// first and second are the two editors' browsers.
	first, second *http.Client
	// page shows the form, which posts to action with the hidden field.
	page, action, field string
	// form is a complete form (without the hidden field) that saves value.
	form func(value string) url.Values
	// kept is how the form shows value typed into it.
	kept func(value string) string
	// stored is the value saved now.
	stored func(t *testing.T) string
}

func deskEditables() []deskEditable {
	return []deskEditable{
		{"claim", func(t *testing.T, e *deskEnv) deskEdit {
			id := e.newClaim(t)
			return deskEdit{
				first: e.ed, second: e.other, page: claimPath(id) + "/edit", action: claimPath(id), field: "revision",
				form: func(v string) url.Values { return with(claimForm(), "setting", v) },
				kept: func(v string) string { return `value="` + v + `"` },
				stored: func(t *testing.T) string {
					c, err := e.store.GetClaim(t.Context(), id)
					if err != nil {
						t.Fatal(err)
					}
					return c.Setting
				},
			}
		}},
		{"source", func(t *testing.T, e *deskEnv) deskEdit {
			id := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			src := e.storedClaim(t, id).Sources[0].ID
			return deskEdit{
				first: e.ed, second: e.other, page: "/desk/sources/" + idStr(src) + "/edit", action: "/desk/sources/" + idStr(src), field: "revision",
				form: func(v string) url.Values { return with(sourceForm("contradicts"), "locator", v) },
				kept: func(v string) string { return `value="` + v + `"` },
				stored: func(t *testing.T) string {
					s, err := e.store.GetSource(t.Context(), src)
					if err != nil {
						t.Fatal(err)
					}
					return s.Locator
				},
			}
		}},
		{"verdict", func(t *testing.T, e *deskEnv) deskEdit {
			id := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			return deskEdit{
				// The author and an admin may both revise it.
				first: e.ed, second: e.admin, page: claimPath(id), action: "/desk/verdicts/" + idStr(v.ID), field: "version",
				form:   func(h string) url.Values { return with(verdictForm("false"), "headline", h) },
				kept:   func(v string) string { return `value="` + v + `"` },
				stored: func(t *testing.T) string { return e.openVerdict(t, id).Headline },
			}
		}},
		{"rating", func(t *testing.T, e *deskEnv) deskEdit {
			admin2, _ := e.login(t, "admin2@example.org", models.RoleAdmin)
			return deskEdit{
				first: e.admin, second: admin2, page: "/admin/ratings", action: "/admin/ratings/half-true", field: "revision",
				form: func(v string) url.Values {
					return url.Values{"label": {"Half true"}, "description": {v}, "position": {"3"}, "ordered": {"true"}}
				},
				kept: func(v string) string { return ">" + v + "</textarea>" },
				stored: func(t *testing.T) string {
					r, err := e.store.RatingBySlug(t.Context(), "half-true")
					if err != nil {
						t.Fatal(err)
					}
					return r.Description
				},
			}
		}},
		{"speaker", func(t *testing.T, e *deskEnv) deskEdit {
			p, err := e.store.CreatePerson(t.Context(), e.edUser, models.Meta{}, models.PersonInput{Name: "Lost Update Speaker"})
			if err != nil {
				t.Fatal(err)
			}
			path := "/desk/people/" + idStr(p.ID)
			return deskEdit{
				first: e.ed, second: e.other, page: path, action: path, field: "revision",
				form: func(v string) url.Values {
					return url.Values{"name": {"Lost Update Speaker"}, "kind": {"person"}, "title": {v}}
				},
				kept: func(v string) string { return `value="` + v + `"` },
				stored: func(t *testing.T) string {
					now, err := e.store.PersonByID(t.Context(), p.ID)
					if err != nil {
						t.Fatal(err)
					}
					return now.Title
				},
			}
		}},
		{"settings", func(t *testing.T, e *deskEnv) deskEdit {
			admin2, _ := e.login(t, "admin3@example.org", models.RoleAdmin)
			return deskEdit{
				first: e.admin, second: admin2, page: "/admin/settings", action: "/admin/settings", field: "revision",
				form: func(v string) url.Values {
					return url.Values{"organization_name": {v}, "corrections_policy": {"We say what changed."}}
				},
				kept: func(v string) string { return `value="` + v + `"` },
				stored: func(t *testing.T) string {
					st, err := e.store.Settings(t.Context())
					if err != nil {
						t.Fatal(err)
					}
					return st.OrganizationName
				},
			}
		}},
	}
}

// staleRow is how the comparison shows one field that differs: what is
// saved beside what was typed.
func staleRow(saved, typed string) string {
	return `<td data-label="Saved now"><div class="value" dir="auto">` + saved + `</div></td><td data-label="What you typed"><div class="value" dir="auto">` + typed + `</div></td>`
}

// TestDeskFormsLoseNoUpdates: two editors open the same object's form and
// both save. The first save goes through; the second, made from the same
// revision, saves nothing and comes back (409) with its input kept, a note,
// both versions side by side and the hidden field at the current revision,
// so that saving it again replaces the first save on purpose.
func TestDeskFormsLoseNoUpdates(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			for _, kind := range deskEditables() {
				t.Run(kind.name, func(t *testing.T) {
					x := kind.setup(t, e)
					read := hidden(t, e.page(t, x.first, x.page, http.StatusOK), x.action, x.field)
					if again := hidden(t, e.page(t, x.second, x.page, http.StatusOK), x.action, x.field); again != read {
						t.Fatalf("two readers see revisions %s and %s", read, again)
					}
					first, second := "Saved first by one editor", "Typed second by another"
					r := e.post(t, x.first, x.action, with(x.form(first), x.field, read))
					if r.status != http.StatusSeeOther {
						t.Fatalf("first save: %d\n%s", r.status, errorsIn(r.body))
					}
					r = e.post(t, x.second, x.action, with(x.form(second), x.field, read))
					if r.status != http.StatusConflict {
						t.Fatalf("second save from the same revision: %d, want 409\n%s", r.status, errorsIn(r.body))
					}
					n, _ := strconv.Atoi(read)
					current := strconv.Itoa(n + 1)
					mustContain(t, "stale save", r.body, `<div class="stale" role="alert">`, "after you opened", "not saved",
						"made from "+x.field+" "+read, x.field+" "+current+" is saved now",
						`<tr class="differs">`, staleRow(first, second), x.kept(second))
					if got := hidden(t, r.body, x.action, x.field); got != current {
						t.Errorf("the refused form carries %s %s, want the current %s", x.field, got, current)
					}
					if got := x.stored(t); got != first {
						t.Fatalf("stored %q after the stale save, want the first save's", got)
					}
					// Saving the refused form again replaces the first save, on purpose.
					r = e.post(t, x.second, x.action, with(x.form(second), x.field, hidden(t, r.body, x.action, x.field)))
					if r.status != http.StatusSeeOther {
						t.Fatalf("deliberate second save: %d\n%s", r.status, errorsIn(r.body))
					}
					if got := x.stored(t); got != second {
						t.Fatalf("stored %q after the deliberate save, want the second", got)
					}
				})
			}
		})
	}
}

// TestDeskFormsRequireTheirRevision: a desk form without its hidden
// revision field is refused (422 naming the field) and saves nothing.
func TestDeskFormsRequireTheirRevision(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			for _, kind := range deskEditables() {
				x := kind.setup(t, e)
				before := x.stored(t)
				for _, bad := range []string{"", "abc", "0", "-1"} {
					form := x.form("Sent without a revision")
					if bad != "" {
						form.Set(x.field, bad)
					}
					r := e.post(t, x.first, x.action, form)
					if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, x.field+" ") {
						t.Errorf("%s with %s %q: %d, want 422 naming it\n%s", kind.name, x.field, bad, r.status, r.body)
					}
				}
				if got := x.stored(t); got != before {
					t.Errorf("%s: a form without its revision saved %q", kind.name, got)
				}
			}
		})
	}
}

// TestDeskStaleRemovalRemovesNothing: a source changed after the page that
// removes it was shown is not removed; the page says why and shows it as it
// is now.
func TestDeskStaleRemovalRemovesNothing(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			src := "/desk/sources/" + idStr(e.storedClaim(t, id).Sources[0].ID)
			shown := e.page(t, e.ed, claimPath(id), http.StatusOK)
			read := hidden(t, shown, src+"/delete", "revision")

			edit := e.page(t, e.other, src+"/edit", http.StatusOK)
			e.mustPost(t, e.other, src, with(with(sourceForm("supports"), "title", "A corrected title"), "revision", hidden(t, edit, src, "revision")), http.StatusSeeOther, "")

			r := e.mustPost(t, e.ed, src+"/delete", url.Values{"revision": {read}}, http.StatusConflict, "")
			mustContain(t, "stale removal", r.body, "Someone changed the source “A corrected title” after you opened this page, so it was not removed.",
				`<div class="stance-col sc-supports"><h3>Supports <span class="count">1</span></h3>`)
			if c := e.storedClaim(t, id); len(c.Sources) != 1 || c.Sources[0].Title != "A corrected title" {
				t.Fatalf("sources after a stale removal: %+v", c.Sources)
			}
			e.mustPost(t, e.ed, src+"/delete", url.Values{"revision": {hidden(t, r.body, src+"/delete", "revision")}}, http.StatusSeeOther, "")
			if c := e.storedClaim(t, id); len(c.Sources) != 0 {
				t.Fatalf("the source read afresh was not removed: %+v", c.Sources)
			}
		})
	}
}

// TestDeskStaleRevisionSaysWhatChanged: a verdict gets a new version when
// its claim's sources change; a revision made from the version before is
// refused, and the note says what made the new version and who.
func TestDeskStaleRevisionSaysWhatChanged(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			vpath := "/desk/verdicts/" + idStr(e.openVerdict(t, id).ID)
			read := hidden(t, e.page(t, e.ed, claimPath(id), http.StatusOK), vpath, "version")
			e.mustPost(t, e.other, claimPath(id)+"/sources", sourceForm("supports"), http.StatusSeeOther, "")

			r := e.mustPost(t, e.ed, vpath, with(with(verdictForm("mostly-false"), "headline", "A sharper headline"), "version", read), http.StatusConflict, "")
			mustContain(t, "stale revision", r.body, "This verdict got a new version after you opened the form, so your revision was not saved.",
				"Version 2: a source was added by Test other.", `<details class="revise" open>`, `<a href="#verdict">Compare the two versions</a> below.`, staleRow("False", "Mostly false"),
				staleRow("He met the ambassador twice in 2016", "A sharper headline"), `value="A sharper headline"`)
			if v := e.openVerdict(t, id); v.Headline != "He met the ambassador twice in 2016" || v.RatingSlug != "false" || v.Version != 2 {
				t.Fatalf("the verdict after a stale revision: %+v", v)
			}
		})
	}
}

// TestDeskFormsOvertakenByTheWorkflowKeepTheirInput: when the workflow
// moves on while a form is open (the claim goes to review, its claim is
// published, the verdict is approved), the save is refused (409) with a
// note that says why, and what was typed is still on the page; a revision
// of a verdict published meanwhile becomes the form of a new verdict.
func TestDeskFormsOvertakenByTheWorkflowKeepTheirInput(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			typed := "Typed while the workflow moved on"

			// The claim goes to review while its edit form is open.
			id := e.newClaim(t)
			read := hidden(t, e.page(t, e.ed, claimPath(id)+"/edit", http.StatusOK), claimPath(id), "revision")
			e.mustPost(t, e.other, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			r := e.mustPost(t, e.ed, claimPath(id), with(with(claimForm(), "setting", typed), "revision", read), http.StatusConflict, "")
			mustContain(t, "claim edit after review began", r.body, "This claim is in review now", "only drafts can be edited, so your changes were not saved",
				`value="`+typed+`"`)

			// Its claim is published while a source's edit form is open.
			id = e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			src := "/desk/sources/" + idStr(e.storedClaim(t, id).Sources[0].ID)
			read = hidden(t, e.page(t, e.ed, src+"/edit", http.StatusOK), src, "revision")
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			e.mustPost(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"decision": {"approve"}, "version": {strconv.Itoa(v.Version)}}, http.StatusSeeOther, "")
			r = e.mustPost(t, e.ed, src, with(with(sourceForm("contradicts"), "locator", typed), "revision", read), http.StatusConflict, "")
			mustContain(t, "source edit after publication", r.body, "The claim of this source is published now", "so your changes were not saved",
				`value="`+typed+`"`)

			// The verdict is approved while its author revises it.
			id = e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			v = e.openVerdict(t, id)
			vpath := "/desk/verdicts/" + idStr(v.ID)
			read = hidden(t, e.page(t, e.ed, claimPath(id), http.StatusOK), vpath, "version")
			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"decision": {"approve"}, "version": {read}}, http.StatusSeeOther, "")
			r = e.mustPost(t, e.ed, vpath, with(with(verdictForm("mostly-false"), "headline", typed), "version", read), http.StatusConflict, "")
			mustContain(t, "verdict revision after approval", r.body, "This verdict was published after you opened the form, so it can no longer be revised",
				`action="`+claimPath(id)+`/updates"`, `name="headline" value="`+typed+`"`)
			// Opening the update carries what was typed into it.
			kept := url.Values{"rating": {"mostly-false"}, "headline": {typed}, "explanation": {"Two meetings were reported."}}
			upath := e.mustPost(t, e.ed, claimPath(id)+"/updates", kept, http.StatusSeeOther, "").header.Get("Location")
			mustContain(t, "update opened with the kept verdict", e.page(t, e.ed, upath, http.StatusOK), `value="`+typed+`"`, "Headline")
			if c := e.storedClaim(t, id); c.CurrentVerdict() == nil || c.CurrentVerdict().Headline == typed || c.OpenVerdict() != nil {
				t.Fatalf("a revision refused after approval changed the verdicts: %+v", c.Verdicts)
			}
		})
	}
}

// callWith sends body ("" sends none) as who with extra header fields.
func (e *apiEnv) callWith(t *testing.T, who, method, path, body string, hdr map[string]string) apiResult {
	t.Helper()
	h := map[string]string{"Authorization": "Bearer " + e.tokens[who]}
	var rd io.Reader
	if body != "" {
		h["Content-Type"] = "application/json"
		rd = strings.NewReader(body)
	}
	for k, v := range hdr {
		h[k] = v
	}
	r := e.do(t, e.http, method, path, rd, h)
	out := apiResult{result: r}
	if r.body != "" {
		if err := json.Unmarshal([]byte(r.body), &out.json); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", method, path, err, r.body)
		}
	}
	return out
}

// apiEditable is one kind of object the API edits, as the lost-update
// tests drive it.
type apiEditable struct {
	name string
	// setup makes a fresh object; it returns who edits it, its path, the
	// member a PATCH saves its value in, the member that counts its edits
	// ("revision" or "version"), and the body of such a PATCH.
	setup func(t *testing.T, e *apiEnv) apiEdit
}

type apiEdit struct {
	who, path, member, counter string
	body                       func(value string) string
}

func apiEditables() []apiEditable {
	return []apiEditable{
		{"claim", func(t *testing.T, e *apiEnv) apiEdit {
			c := e.draft(t, asEditor, "Exports doubled last year")
			return apiEdit{who: asEditor, path: apiPath("/claims/%d", c.ID), member: "setting", counter: "revision",
				body: func(v string) string { return `{"setting":"` + v + `"}` }}
		}},
		{"source", func(t *testing.T, e *apiEnv) apiEdit {
			s := e.source(t, e.draft(t, asEditor, "Imports halved last year").ID)
			return apiEdit{who: asEditor, path: apiPath("/sources/%d", s.ID), member: "locator", counter: "revision",
				body: func(v string) string { return `{"locator":"` + v + `"}` }}
		}},
		{"verdict", func(t *testing.T, e *apiEnv) apiEdit {
			v := e.verdict(t, asAuthor, e.draft(t, asAuthor, "Ports were busier").ID)
			return apiEdit{who: asAuthor, path: apiPath("/verdicts/%d", v.ID), member: "headline", counter: "version",
				body: func(h string) string { return `{"headline":"` + h + `"}` }}
		}},
		{"rating", func(t *testing.T, e *apiEnv) apiEdit {
			return apiEdit{who: asAdmin, path: "/api/v1/ratings/mostly-true", member: "description", counter: "revision",
				body: func(v string) string { return `{"description":"` + v + `"}` }}
		}},
		{"speaker", func(t *testing.T, e *apiEnv) apiEdit {
			p := e.speaker(t, "Lost Update Speaker")
			return apiEdit{who: asEditor, path: apiPath("/people/%d", p.ID), member: "title", counter: "revision",
				body: func(v string) string { return `{"title":"` + v + `"}` }}
		}},
	}
}

// etagOf returns r's ETag, which must be a strong one.
func etagOf(t *testing.T, what string, r apiResult) string {
	t.Helper()
	tag := r.header.Get("ETag")
	if tag == "" || strings.HasPrefix(tag, "W/") || !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) {
		t.Fatalf("%s: ETag %q, want a strong entity tag", what, tag)
	}
	return tag
}

// TestAPIUpdatesLoseNoUpdates: two clients read the same object and its
// ETag. The first PATCH with If-Match goes through and answers the new
// ETag; the second, with the same If-Match, changes nothing and is a 412
// with the code "stale" naming the current revision and ETag. "*", a list
// that holds the current ETag, and no If-Match at all go through; a weak
// tag never matches; a malformed field is a 400.
func TestAPIUpdatesLoseNoUpdates(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			for _, kind := range apiEditables() {
				t.Run(kind.name, func(t *testing.T) {
					x := kind.setup(t, e)
					read := e.must(t, http.StatusOK, x.who, "GET", x.path, "")
					tag := etagOf(t, "GET", read)
					if again := etagOf(t, "GET again", e.must(t, http.StatusOK, x.who, "GET", x.path, "")); again != tag {
						t.Fatalf("the ETag changed without a change: %s, then %s", tag, again)
					}
					rev := read.at(t, x.counter).json.(float64)

					first := e.callWith(t, x.who, "PATCH", x.path, x.body("Saved first"), map[string]string{"If-Match": tag})
					apiExpect(t, "first PATCH", first, http.StatusOK, map[string]any{x.member: "Saved first", x.counter: rev + 1})
					newTag := etagOf(t, "first PATCH", first)
					if newTag == tag {
						t.Fatalf("the ETag did not change with the save: %s", tag)
					}
					if got := etagOf(t, "GET after", e.must(t, http.StatusOK, x.who, "GET", x.path, "")); got != newTag {
						t.Errorf("GET answers ETag %s, the PATCH answered %s", got, newTag)
					}

					events := e.auditCount(t)
					second := e.callWith(t, x.who, "PATCH", x.path, x.body("Saved second"), map[string]string{"If-Match": tag})
					apiExpect(t, "second PATCH from the old ETag", second, http.StatusPreconditionFailed, apiFail("stale",
						fmt.Sprintf("If-Match does not name the current ETag: it is %s now (%s %d). Nothing was changed. Read it again, then try again.", newTag, x.counter, int(rev)+1)))
					if second.header.Get("Cache-Control") != "no-store" {
						t.Errorf("412 without Cache-Control: no-store")
					}
					apiExpect(t, "after the 412", e.must(t, http.StatusOK, x.who, "GET", x.path, ""), http.StatusOK, map[string]any{x.member: "Saved first", x.counter: rev + 1})
					if e.auditCount(t) != events {
						t.Error("a refused PATCH wrote to the audit log")
					}

					weak := e.callWith(t, x.who, "PATCH", x.path, x.body("Weak"), map[string]string{"If-Match": "W/" + newTag})
					apiExpect(t, "weak If-Match", weak, http.StatusPreconditionFailed, map[string]any{"error.code": "stale"})
					bad := e.callWith(t, x.who, "PATCH", x.path, x.body("Bad"), map[string]string{"If-Match": strconv.Itoa(int(rev) + 1)})
					apiExpect(t, "malformed If-Match", bad, http.StatusBadRequest, map[string]any{"error.code": "bad_request"})

					list := e.callWith(t, x.who, "PATCH", x.path, x.body("From a list"), map[string]string{"If-Match": tag + ", " + newTag})
					apiExpect(t, "If-Match listing the current ETag", list, http.StatusOK, map[string]any{x.member: "From a list", x.counter: rev + 2})
					star := e.callWith(t, x.who, "PATCH", x.path, x.body("Whatever it is"), map[string]string{"If-Match": "*"})
					apiExpect(t, "If-Match: *", star, http.StatusOK, map[string]any{x.member: "Whatever it is", x.counter: rev + 3})
					plain := e.call(t, x.who, "PATCH", x.path, x.body("No precondition"))
					apiExpect(t, "no If-Match", plain, http.StatusOK, map[string]any{x.member: "No precondition", x.counter: rev + 4})
					etagOf(t, "PATCH without If-Match", plain)
				})
			}
		})
	}
}

// TestAPIStaleSourceIsNotDeleted: DELETE with an If-Match that is no
// longer current removes nothing (412); with the current ETag it removes.
func TestAPIStaleSourceIsNotDeleted(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			s := e.source(t, e.draft(t, asEditor, "Rents fell in the city").ID)
			path := apiPath("/sources/%d", s.ID)
			old := etagOf(t, "GET", e.must(t, http.StatusOK, asEditor, "GET", path, ""))
			now := etagOf(t, "PATCH", e.callWith(t, asReviewer, "PATCH", path, `{"title":"Rents, corrected"}`, map[string]string{"If-Match": old}))
			r := e.callWith(t, asEditor, "DELETE", path, "", map[string]string{"If-Match": old})
			apiExpect(t, "DELETE from the old ETag", r, http.StatusPreconditionFailed, map[string]any{"error.code": "stale"})
			e.must(t, http.StatusOK, asEditor, "GET", path, "")
			r = e.callWith(t, asEditor, "DELETE", path, "", map[string]string{"If-Match": now})
			if r.status != http.StatusNoContent {
				t.Fatalf("DELETE with the current ETag: %d %s", r.status, r.body)
			}
			e.must(t, http.StatusNotFound, asEditor, "GET", path, "")
			// A precondition on something that is not there is a 404, not a 412.
			r = e.callWith(t, asEditor, "DELETE", path, "", map[string]string{"If-Match": now})
			apiExpect(t, "DELETE of a removed source", r, http.StatusNotFound, map[string]any{"error.code": "not_found"})
		})
	}
}

// TestAPIPreconditionComesAfterPermission: someone who may not revise a
// verdict learns so (403) whatever If-Match they send; a claim that may not
// be edited says so (409) before any precondition.
func TestAPIPreconditionComesAfterPermission(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			v := e.verdict(t, asAuthor, e.draft(t, asAuthor, "Buses ran late").ID)
			r := e.callWith(t, asEditor, "PATCH", apiPath("/verdicts/%d", v.ID), `{"headline":"Mine"}`, map[string]string{"If-Match": `"verdict-0.r9"`})
			apiExpect(t, "someone else's verdict", r, http.StatusForbidden, map[string]any{"error.code": "forbidden"})
			pub := e.published(t, "Fares went up")
			r = e.callWith(t, asEditor, "PATCH", apiPath("/claims/%d", pub.ID), `{"setting":"x"}`, map[string]string{"If-Match": `"claim-0.r9"`})
			apiExpect(t, "a published claim", r, http.StatusConflict, map[string]any{"error.code": "conflict"})
		})
	}
}

// TestAPIPatchWithoutIfMatchRevertsNothing: PATCHes without If-Match
// that each change a different field of one source, sent at once, put
// what they send over the source as it is when saved, never over an older
// reading: no field that a PATCH answered 200 for is reverted by another.
// One that cannot get its turn is a 409 "stale", never a silent loss.
func TestAPIPatchWithoutIfMatchRevertsNothing(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			s := e.source(t, e.draft(t, asEditor, "Parks grew by half").ID)
			path := apiPath("/sources/%d", s.ID)
			fields := []string{"title", "outlet", "excerpt", "locator"}
			for round := range 4 {
				results := make([]apiResult, len(fields))
				var wg sync.WaitGroup
				for i, f := range fields {
					wg.Go(func() {
						results[i] = e.call(t, asEditor, "PATCH", path, fmt.Sprintf(`{%q:"%s %d"}`, f, f, round))
					})
				}
				wg.Wait()
				now := e.must(t, http.StatusOK, asEditor, "GET", path, "")
				for i, f := range fields {
					switch r := results[i]; r.status {
					case http.StatusOK:
						if got := now.str(t, f); got != fmt.Sprintf("%s %d", f, round) {
							t.Errorf("round %d: %s is %q although its PATCH answered 200", round, f, got)
						}
					case http.StatusConflict:
						apiExpect(t, "a PATCH that lost every turn", r, http.StatusConflict, map[string]any{"error.code": "stale"})
					default:
						t.Errorf("round %d: PATCH %s: %d %s", round, f, r.status, r.body)
					}
				}
			}
		})
	}
}

// A tick box in the comparison of a refused save is named in the reader's
// language: it said "Yes" and "No" in English on every page.
func TestStaleTickBoxSpeaksTheReadersLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			admin2, _ := e.login(t, "admin2@example.org", models.RoleAdmin)
			const action = "/admin/ratings/half-true"
			read := hidden(t, e.page(t, admin2, "/admin/ratings?lang=fr", http.StatusOK), action, "revision")
			form := func(ordered string) url.Values {
				return url.Values{"label": {"Half true"}, "description": {"Partly accurate."}, "position": {"3"}, "ordered": {ordered}, "revision": {read}}
			}
			e.mustPost(t, e.admin, action, form("false"), http.StatusSeeOther, "")
			r := e.post(t, admin2, action, form("true"))
			if r.status != http.StatusConflict {
				t.Fatalf("a save from the old revision: %d, want 409", r.status)
			}
			row := doc(t, r.body).Find(".stale-table tr.differs").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return strings.Contains(s.Find("th").Text(), "Sur l'échelle vrai–faux")
			})
			if got := strings.Join(texts(row.Find("td .value")), "|"); got != "Non|Oui" {
				t.Errorf("the tick box's row says %q, want Non|Oui", got)
			}
		})
	}
}
