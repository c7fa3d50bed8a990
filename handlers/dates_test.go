package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A date after today, the newsroom's calendar day, is refused in every
// date field, through the API and the desk alike, with a 422 naming the
// field; nothing is written.
func TestDatesAfterTodayAreRefused(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			draft := e.draft(t, asEditor, "Bridges were all repaired")
			src := e.source(t, draft.ID)
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			// The newsroom is in UTC; two days on is after today there
			// whatever the zone of the machine running the test.
			now := e.store.Now()
			later := now.AddDate(0, 0, 2).Format(models.DateLayout)
			why := "must not be after today (" + now.UTC().Format("2 January 2006") + ")"
			article := url.Values{"url": {"https://news.example.org/a"}, "title": {"Budget"}, "text": {`He said: "No."`}}
			sourceEdit := with(sourceForm("contradicts"), "revision", strconv.Itoa(src.Revision))
			cases := []inputCase{
				{"API claim", asEditor, "POST", "/api/v1/claims", nil,
					`{"text":"Ferries carry a million riders","summary":"Ferries carry a million","speaker":"Harbour Board","said_at":"` + later + `"}`, 422, "said_at", why},
				{"API claim edit", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), nil, `{"said_at":"` + later + `"}`, 422, "said_at", why},
				{"API source", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), nil,
					`{"url":"https://example.org/r","title":"A report","kind":"news_report","stance":"contradicts","published_at":"` + later + `"}`, 422, "published_at", why},
				{"API source edit", asEditor, "PATCH", apiPath("/sources/%d", src.ID), nil, `{"published_at":"` + later + `"}`, 422, "published_at", why},
				{"API article", asEditor, "POST", "/api/v1/articles", nil,
					`{"url":"https://news.example.org/a","title":"Budget","text":"He said: \"No.\"","published_at":"` + later + `"}`, 422, "published_at", why},
				{"desk claim", asEditor, "POST", "/desk/claims", with(claimForm(), "said_at", later), "", 422, "Said on", why},
				{"desk claim edit", asEditor, "POST", claimPath(draft.ID), with(with(claimForm(), "said_at", later), "revision", strconv.Itoa(draft.Revision)), "", 422, "Said on", why},
				{"desk source", asEditor, "POST", claimPath(draft.ID) + "/sources", with(sourceForm("contradicts"), "published_at", later), "", 422, "Published on", why},
				{"desk source edit", asEditor, "POST", "/desk/sources/" + apiItoa(src.ID), with(sourceEdit, "published_at", later), "", 422, "Published on", why},
				{"desk article", asEditor, "POST", "/desk/articles", with(article, "published_at", later), "", 422, "Published on", why},
			}
			e.refuses(t, map[string]*http.Client{asEditor: desk}, cases)
		})
	}
}
