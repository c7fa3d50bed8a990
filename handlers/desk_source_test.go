package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

var sourceIDInPage = regexp.MustCompile(`/desk/sources/(\d+)/edit`)

func TestDeskSourcesAddEditRemove(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/sources", sourceForm("contradicts"), http.StatusSeeOther, path+"?done=source-added#sources")
			body := e.page(t, e.ed, path+"?done=source-added", http.StatusOK)
			mustContain(t, "claim with a source", body, "Source added.",
				`<div class="stance-col sc-contradicts"><h3>Contradicts <span class="count">1</span></h3>`,
				`<a href="https://www.example.com/2017/03/01/meetings" rel="noopener noreferrer" dir="auto">Sessions met Russian envoy twice in 2016</a>`,
				"News report", "The Washington Post", "1 Mar 2017", "He spoke twice last year with the Russian ambassador.", "At <bdi>paragraph 1</bdi>",
				`<div class="stance-col sc-supports"><h3>Supports <span class="count">0</span></h3><p class="none">None yet.</p>`)
			m := sourceIDInPage.FindStringSubmatch(body)
			if m == nil {
				t.Fatal("no edit link for the source")
			}
			src := "/desk/sources/" + m[1]

			edit := e.page(t, e.other, src+"/edit", http.StatusOK)
			mustContain(t, "source edit form", edit, "<h1>Edit the source</h1>", `value="Sessions met Russian envoy twice in 2016"`,
				`<option value="contradicts" selected>Contradicts</option>`, `<option value="news_report" selected>News report</option>`)
			f := sourceForm("context")
			f.Set("title", "Two meetings with the ambassador")
			f.Set("revision", hidden(t, edit, src, "revision"))
			e.mustPost(t, e.other, src, f, http.StatusSeeOther, path+"?done=source-updated#sources")
			body = e.page(t, e.ed, path, http.StatusOK)
			mustContain(t, "moved source", body, `<div class="stance-col sc-context"><h3>Context <span class="count">1</span></h3>`, "Two meetings with the ambassador")

			e.mustPost(t, e.ed, src+"/delete", url.Values{"revision": {hidden(t, body, src+"/delete", "revision")}}, http.StatusSeeOther, path+"?done=source-removed#sources")
			if body := e.page(t, e.ed, path, http.StatusOK); strings.Contains(body, "Two meetings with the ambassador") {
				t.Fatal("the removed source is still shown")
			}
			e.page(t, e.ed, src+"/edit", http.StatusNotFound)
			e.mustPost(t, e.ed, src, with(sourceForm("context"), "revision", "2"), http.StatusNotFound, "")
			e.mustPost(t, e.ed, src+"/delete", url.Values{"revision": {"2"}}, http.StatusNotFound, "")
			e.mustPost(t, e.ed, "/desk/claims/999999/sources", sourceForm("context"), http.StatusNotFound, "")

			history := e.page(t, e.ed, path+"/history", http.StatusOK)
			mustContain(t, "history of sources", history, "added a source", "edited a source", "removed a source",
				`<dt>Title</dt><dd class="edited"><del><span class="sr-only">was: </span><span dir="auto">Sessions met Russian envoy twice in 2016</span></del>`,
				`<ins><span class="sr-only">now: </span><span dir="auto">Two meetings with the ambassador</span></ins>`,
				`<dt>Stance</dt><dd class="edited"><del><span class="sr-only">was: </span><span dir="auto">Contradicts</span></del>`)
		})
	}
}

func TestDeskSourceFormErrors(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			f := sourceForm("")
			f.Set("url", "javascript:alert(1)")
			f.Set("published_at", "yesterday")
			r := e.mustPost(t, e.ed, claimPath(id)+"/sources", f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "source-url", "Address must be an http or https URL")
			fieldError(t, r.body, "source-stance", "Bearing on the claim must be “Supports”, “Contradicts” or “Context”")
			fieldError(t, r.body, "source-published_at", "Published on must be a date like 2017-01-10")
			mustContain(t, "refused source", r.body, `<details class="card add-source" open>`, `value="javascript:alert(1)"`,
				`value="Sessions met Russian envoy twice in 2016"`, `<option value="news_report" selected>`, ">He spoke twice last year with the Russian ambassador.</textarea>",
				`<blockquote class="quote big" dir="auto" lang="en">`+sworn)

			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("supports"), http.StatusSeeOther, "")
			src := "/desk/sources/" + sourceIDInPage.FindStringSubmatch(e.page(t, e.ed, claimPath(id), http.StatusOK))[1]
			f = sourceForm("supports")
			f.Set("title", "")
			f.Set("revision", "1")
			r = e.mustPost(t, e.ed, src, f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "source-title", "Title is required")
			mustContain(t, "refused source edit", r.body, "<h1>Edit the source</h1>", `value="The Washington Post"`)
		})
	}
}

// Once a claim is published its evidence is fixed: every change is 409.
func TestDeskPublishedSourcesAreFixed(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			body := e.page(t, e.ed, claimPath(id), http.StatusOK)
			mustContain(t, "published claim", body, "Sources of a published fact-check change through an update.")
			if strings.Contains(body, "Add a source") || strings.Contains(body, "/edit\"") {
				t.Error("a published claim offers to change its sources")
			}
			c, _ := e.store.GetClaim(t.Context(), id)
			src := "/desk/sources/" + idStr(c.Sources[0].ID)
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("supports"), http.StatusConflict, "")
			e.mustPost(t, e.ed, src, with(sourceForm("supports"), "revision", "1"), http.StatusConflict, "")
			e.mustPost(t, e.ed, src+"/delete", url.Values{"revision": {"1"}}, http.StatusConflict, "")
			e.page(t, e.ed, src+"/edit", http.StatusConflict)
			if c2, _ := e.store.GetClaim(t.Context(), id); len(c2.Sources) != 1 || c2.Sources[0].Stance != "contradicts" {
				t.Fatalf("sources changed: %+v", c2.Sources)
			}
		})
	}
}
