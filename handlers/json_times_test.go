package handlers_test

import (
	"regexp"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// anyStamp is an RFC 3339 moment anywhere in a JSON text; wholeStamp is
// the one form every answer gives them: UTC, to the second.
var (
	anyStamp   = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)?`)
	wholeStamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
)

// The public API gave moments with nanoseconds ("…40.826610196Z") while the
// rest of the API and its documentation use whole seconds. Every JSON
// answer, public or not, now gives each moment as RFC 3339 in UTC to the
// second, whatever precision the store keeps (SQLite keeps nanoseconds).
func TestEveryJSONAnswerGivesWholeSecondUTCTimes(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			art := e.must(t, 201, asEditor, "POST", "/api/v1/articles", `{"url":"https://news.example.org/a","title":"Budget","text":"The minister said: \"The deficit fell by half.\""}`)
			claim := e.must(t, 201, asEditor, "POST", "/api/v1/claims", `{"text":"The deficit fell by half","summary":"Deficit halved","speaker":"The Minister","article_id":`+apiItoa(art.id(t, "id"))+`}`)
			id := claim.id(t, "id")
			src := e.must(t, 201, asEditor, "POST", apiPath("/claims/%d/sources", id), `{"url":"https://example.org/r","title":"A report","kind":"news_report","stance":"contradicts"}`)
			v := e.must(t, 201, asAuthor, "POST", apiPath("/claims/%d/verdicts", id), `{"rating":"false","headline":"It did not","explanation":"The *records* show otherwise."}`)
			review := e.must(t, 201, asReviewer, "POST", apiPath("/verdicts/%d/reviews", v.id(t, "id")), `{"decision":"approve","version":1}`)
			corr := e.must(t, 201, asEditor, "POST", apiPath("/claims/%d/corrections", id), `{"kind":"clarification","note":"We added the year."}`)
			slug := claim.str(t, "slug")
			answers := map[string]string{"article": art.body, "claim": claim.body, "source": src.body, "verdict": v.body, "review": review.body, "correction": corr.body}
			for _, path := range []string{"/api/v1/me", "/api/v1/claims", apiPath("/claims/%d", id), apiPath("/claims/%d/history", id),
				apiPath("/sources/%d", src.id(t, "id")), apiPath("/verdicts/%d", v.id(t, "id")), "/api/v1/ratings", "/api/v1/ratings/false"} {
				answers[path] = e.must(t, 200, asEditor, "GET", path, "").body
			}
			for _, path := range []string{"/api/v1/public/claims", "/api/v1/public/claims?q=deficit", "/api/v1/public/claims/" + slug, "/claimreview.json", "/healthz"} {
				answers[path] = e.must(t, 200, asNone, "GET", path, "").body
			}
			stamps := 0
			for what, body := range answers {
				for _, s := range anyStamp.FindAllString(body, -1) {
					stamps++
					if !wholeStamp.MatchString(s) {
						t.Errorf("%s gives the moment %q, want RFC 3339 in UTC to the second", what, s)
					}
				}
			}
			if stamps < 20 || !strings.Contains(answers["/api/v1/public/claims/"+slug], `"published_at":"`) {
				t.Errorf("only %d moments in the answers: the test proves little", stamps)
			}
		})
	}
}
