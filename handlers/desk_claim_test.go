package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

func TestDeskClaimLogEditAndList(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			blank := e.page(t, e.ed, "/desk/claims/new", http.StatusOK)
			mustContain(t, "new claim form", blank, "<h1>Log a claim</h1>", `list="people"`, `<datalist id="people">`, "0 / 75",
				`id="f-speaker_kind" name="speaker_kind"`, `<script src="/static/`)

			r := e.post(t, e.ed, "/desk/claims", claimForm())
			if r.status != http.StatusSeeOther {
				t.Fatalf("create: %d\n%s", r.status, errorsIn(r.body))
			}
			id := idInPath.FindStringSubmatch(r.header.Get("Location"))[1]
			if r.header.Get("Location") != "/desk/claims/"+id+"?done=claim-logged" {
				t.Fatalf("redirect %q", r.header.Get("Location"))
			}
			body := e.page(t, e.ed, r.header.Get("Location"), http.StatusOK)
			mustContain(t, "claim page", body, "Claim logged as a draft.",
				`<h1 dir="auto" lang="en">Sessions said he had no communications with the Russians</h1>`,
				`<blockquote class="quote big" dir="auto" lang="en">`+sworn+`</blockquote>`,
				`<span class="status s-draft">Draft</span>`, "Jeff Sessions", "10 Jan 2017", "Senate confirmation hearing, under oath",
				`<span class="pill">russia</span>`, `<span class="pill">testimony</span>`, `href="/desk/claims/`+id+`/edit"`, `href="/desk/claims/`+id+`/history"`,
				"Supports", "Contradicts", "Context", "Add a source", "Propose a verdict")
			if strings.Contains(body, "Similar claims already logged") {
				t.Error("the first claim has similar claims")
			}

			// The same words logged again: both pages point at the other.
			f := claimForm()
			f.Set("summary", "Sessions denied talking to Russians")
			twin := e.created(t, e.other, "/desk/claims", f)
			body = e.page(t, e.other, claimPath(twin), http.StatusOK)
			mustContain(t, "twin claim page", body, "Similar claims already logged", `<a href="/desk/claims/`+id+`">Sessions said he had no communications with the Russians</a>`)
			frag := e.page(t, e.other, "/desk/claims/similar?exclude="+idStr(twin)+"&text="+url.QueryEscape("communications with the Russians"), http.StatusOK)
			mustContain(t, "similar fragment", frag, `<ul class="similar">`, `href="/desk/claims/`+id+`"`)
			if strings.Contains(frag, "<html") || strings.Contains(frag, `href="/desk/claims/`+idStr(twin)+`"`) {
				t.Errorf("similar fragment is a page or lists the excluded claim: %s", frag)
			}

			// Edit: the form starts from the claim.
			edit := e.page(t, e.ed, "/desk/claims/"+id+"/edit", http.StatusOK)
			mustContain(t, "edit form", edit, "<h1>Edit the claim</h1>", `action="/desk/claims/`+id+`"`, `value="russia, testimony"`, `value="2017-01-10"`)
			f = claimForm()
			f.Set("setting", "Senate Judiciary Committee, under oath")
			f.Set("tags", "russia")
			f.Set("revision", hidden(t, edit, "/desk/claims/"+id, "revision"))
			e.mustPost(t, e.ed, "/desk/claims/"+id, f, http.StatusSeeOther, "/desk/claims/"+id+"?done=claim-updated")
			mustContain(t, "edited claim", e.page(t, e.ed, "/desk/claims/"+id+"?done=claim-updated", http.StatusOK), "Senate Judiciary Committee, under oath", "Claim saved.")

			// Lists: by status, and mine.
			list := e.page(t, e.ed, "/desk/claims?status=draft", http.StatusOK)
			mustContain(t, "draft list", list, `<a class="row-title" href="/desk/claims/`+id+`">`, `<a href="/desk/claims?status=draft" aria-current="page">Draft</a>`)
			mine := e.page(t, e.ed, "/desk/claims?mine=1", http.StatusOK)
			if !strings.Contains(mine, `href="/desk/claims/`+id+`"`) || strings.Contains(mine, `href="`+claimPath(twin)+`"`) {
				t.Error("the list of my claims is wrong")
			}
			none := e.page(t, e.ed, "/desk/claims?status=published", http.StatusOK)
			mustContain(t, "empty list", none, "No claims match.")
		})
	}
}

func TestDeskClaimFormErrors(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			f := claimForm()
			long := strings.Repeat("much too long ", 6)
			f.Set("summary", long)
			f.Set("speaker", "")
			f.Set("appearances[0].url", "not a url")
			r := e.mustPost(t, e.ed, "/desk/claims", f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-summary", "Summary must be at most 75 characters")
			fieldError(t, r.body, "f-speaker", "Speaker is required")
			fieldError(t, r.body, "f-appearance-0-url", "Address must be an http or https URL")
			mustContain(t, "refused claim", r.body, `value="`+strings.TrimSpace(long)+`"`, `class="counter over"`, ">"+sworn+"</textarea>", `value="not a url"`)

			f = claimForm()
			f.Set("article_id", "424242")
			r = e.mustPost(t, e.ed, "/desk/claims", f, http.StatusUnprocessableEntity, "")
			mustContain(t, "unknown article", r.body, "The article is not a logged article.", `name="article_id" value="424242"`)

			id := e.newClaim(t)
			f = claimForm()
			f.Set("text", "")
			f.Set("revision", "1")
			r = e.mustPost(t, e.ed, claimPath(id), f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-text", "The words, verbatim is required")
			mustContain(t, "refused edit", r.body, "<h1>Edit the claim</h1>", `value="Jeff Sessions"`,
				`<input type="hidden" name="revision" value="1">`)
		})
	}
}

func TestDeskClaimUnknownAndPublished(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			for _, path := range []string{"/desk/claims/999999", "/desk/claims/999999/edit", "/desk/claims/999999/history", "/desk/claims/x"} {
				e.page(t, e.ed, path, http.StatusNotFound)
			}
			e.mustPost(t, e.ed, "/desk/claims/999999", with(claimForm(), "revision", "1"), http.StatusNotFound, "")

			id := e.newClaim(t)
			e.publish(t, id)
			// A published claim changes through an update: its edit leads there.
			if r := e.get(t, e.ed, claimPath(id)+"/edit"); r.status != http.StatusSeeOther || r.header.Get("Location") != claimPath(id)+"#update" {
				t.Fatalf("edit of a published claim: %d to %q", r.status, r.header.Get("Location"))
			}
			r := e.mustPost(t, e.ed, claimPath(id), with(claimForm(), "revision", "1"), http.StatusConflict, "")
			mustContain(t, "published edit", r.body, "This claim is published now", "only drafts can be edited, so your changes were not saved")
			body := e.page(t, e.ed, claimPath(id), http.StatusOK)
			if strings.Contains(body, "/edit\"") {
				t.Error("a published claim offers an edit link")
			}
		})
	}
}
