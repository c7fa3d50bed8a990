package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// twoURLs is what pasting two addresses into one field gives. It was
// accepted as one URL and published as one broken link.
const twoURLs = "https://www.example.com/report https://www.example.com/other"

// spaceWhy is why a URL with a space in it is refused.
const spaceWhy = "must be a single http or https URL, without spaces"

// Every URL field, through the API and the desk alike, goes through the
// one URL check: an absolute http or https URL with a host and no spaces
// or invisible characters; anything else is a 422 naming the field, and
// nothing is written.
func TestEveryURLFieldTakesOneWebURL(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			draft := e.draft(t, asEditor, "Bridges were all repaired")
			src := e.source(t, draft.ID)
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			admin, _ := e.login(t, "boss@example.org", models.RoleAdmin)
			srcID, claimID := apiItoa(src.ID), apiItoa(draft.ID)
			form := func(f url.Values, name, value string) url.Values { return with(f, name, value) }
			article := url.Values{"url": {"https://news.example.org/a"}, "title": {"Budget"}, "text": {`He said: "No."`}}
			st, err := e.store.Settings(e.ctx())
			if err != nil {
				t.Fatal(err)
			}
			settings := url.Values{"organization_name": {"The Ledger"}, "corrections_policy": {"We correct."}, "time_zone": {"UTC"}, "revision": {strconv.Itoa(st.Revision)}}
			sourceEdit := with(sourceForm("contradicts"), "revision", strconv.Itoa(src.Revision))
			cases := []inputCase{
				{"API source, two URLs", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), nil,
					`{"url":"` + twoURLs + `","title":"A report","kind":"news_report","stance":"contradicts"}`, 422, "url", spaceWhy},
				{"API source edit, zero-width space", asEditor, "PATCH", apiPath("/sources/%d", src.ID), nil,
					`{"url":"https://www.example.com/re\u200bport"}`, 422, "url", "must not contain invisible characters (U+200B)"},
				{"API source edit, no host", asEditor, "PATCH", apiPath("/sources/%d", src.ID), nil,
					`{"url":"https://:443/report"}`, 422, "url", "must be an http or https URL"},
				{"API claim appearance", asEditor, "POST", "/api/v1/claims", nil,
					`{"text":"Ferries carry a million riders","summary":"Ferries carry a million","speaker":"Harbour Board","appearance_url":"` + twoURLs + `"}`, 422, "appearance_url", spaceWhy},
				{"API claim edit appearance", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), nil,
					`{"appearance_url":"https://example.org/a b"}`, 422, "appearance_url", spaceWhy},
				{"API article", asEditor, "POST", "/api/v1/articles", nil,
					`{"url":"` + twoURLs + `","title":"Budget","text":"He said: \"No.\""}`, 422, "url", spaceWhy},
				{"desk source", asEditor, "POST", "/desk/claims/" + claimID + "/sources", form(sourceForm("contradicts"), "url", twoURLs), "", 422, "Address", spaceWhy},
				{"desk source edit", asEditor, "POST", "/desk/sources/" + srcID, form(sourceEdit, "url", twoURLs), "", 422, "Address", spaceWhy},
				{"desk claim appearance", asEditor, "POST", "/desk/claims", form(claimForm(), "appearances[0].url", twoURLs), "", 422, "Address", spaceWhy},
				{"desk article", asEditor, "POST", "/desk/articles", form(article, "url", twoURLs), "", 422, "Address of the article", spaceWhy},
				{"settings", asAdmin, "POST", "/admin/settings", form(settings, "organization_url", twoURLs), "", 422, "Newsroom address", spaceWhy},
			}
			e.refuses(t, map[string]*http.Client{asEditor: desk, asAdmin: admin}, cases)
		})
	}
}
