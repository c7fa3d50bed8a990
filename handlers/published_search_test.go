package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A new verdict proposed on a published claim stays private until it is
// approved: neither the search page nor the public API's search finds the
// claim by a word only that verdict holds, and no snippet quotes it; once
// approved, both find it.
func TestPublicSearchFindsOnlyPublishedVerdicts(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.published(t, "The harbour dredging finished early")
			v, err := e.store.ProposeVerdict(e.ctx(), e.users[asEditor], models.Meta{}, c.ID, models.VerdictInput{Rating: "mostly-false",
				Headline: "Zymurgical records say otherwise", Explanation: "The dredging words: dredging, dredging, and a zymurgical ledger."})
			if err != nil {
				t.Fatal(err)
			}
			find := func(q string) (page, api string) {
				t.Helper()
				p := e.get(t, e.http, "/search?q="+q)
				a := e.get(t, e.http, "/api/v1/public/claims?q="+q)
				if p.status != http.StatusOK || a.status != http.StatusOK {
					t.Fatalf("search %q: page %d, API %d", q, p.status, a.status)
				}
				return p.body, a.body
			}
			link := `href="/claims/` + c.Slug + `"`
			page, api := find("zymurgical")
			if strings.Contains(page, link) || strings.Contains(api, c.Slug) {
				t.Errorf("a word of the verdict in review finds the claim:\npage %v, API %s", strings.Contains(page, link), api)
			}
			page, api = find("dredging")
			if !strings.Contains(page, link) || !strings.Contains(api, c.Slug) {
				t.Fatalf("the claim's own words do not find it")
			}
			for what, body := range map[string]string{"page": page, "API": api} {
				if strings.Contains(strings.ToLower(body), "zymurgical") || strings.Contains(body, "ledger") {
					t.Errorf("the search %s quotes the verdict in review", what)
				}
			}
			if _, err := e.store.ReviewVerdict(e.ctx(), e.users[asReviewer], models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
				t.Fatal(err)
			}
			page, api = find("zymurgical")
			if !strings.Contains(page, link) || !strings.Contains(api, c.Slug) || !strings.Contains(api, "Zymurgical records say otherwise") {
				t.Errorf("the approved verdict's words do not find the claim:\n%s", api)
			}
		})
	}
}
