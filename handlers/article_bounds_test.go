package handlers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"claimtracker/extract"
	"claimtracker/models/modelstest"
)

// repeatedQuotes is an article of about size bytes that repeats one quoted
// statement with no sentence end in between: the whole text is one
// sentence holding about 2,000 quotations.
func repeatedQuotes(size int) string {
	const unit = `At the hearing Jeff Sessions told the senators "I did not have communications with the Russians" `
	return strings.Repeat(unit, size/len(unit))
}

// TestArticleAnswerStaysProportional is the regression test for a 199 KB
// article of repeated quotations that was answered with 415 MB of JSON: the
// whole text, as the one sentence of each of its 2,051 candidates. The
// answer to the API, and the desk page of the article, now stay within a
// small multiple of the text.
func TestArticleAnswerStaysProportional(t *testing.T) {
	text := repeatedQuotes(199_000)
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			body := `{"url":"https://example.org/news/repeated","title":"Repeated","text":` + apiJSONText(t, text) + `}`
			r := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/articles", body)
			if len(r.body) > 2*len(body) {
				t.Errorf("answer of %d bytes to a request of %d", len(r.body), len(body))
			}
			var got struct {
				ID         uint `json:"id"`
				Candidates []struct {
					Quote, Sentence string
				} `json:"candidates"`
				Total int `json:"candidates_total"`
			}
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatal(err)
			}
			if got.Total != 2051 || len(got.Candidates) != extract.MaxCandidates {
				t.Errorf("%d candidates listed of %d, want %d of 2051", len(got.Candidates), got.Total, extract.MaxCandidates)
			}
			for i, c := range got.Candidates {
				if n := utf8.RuneCountInString(c.Sentence); n > extract.MaxSentence || !strings.Contains(c.Sentence, c.Quote) {
					t.Fatalf("candidate %d: sentence of %d characters (at most %d) holding the quote: %t", i, n, extract.MaxSentence, strings.Contains(c.Sentence, c.Quote))
				}
			}

			// The desk page of the same article.
			ed, _ := e.login(t, "desk@example.org", "editor")
			page := e.get(t, ed, "/desk/articles/"+apiItoa(got.ID))
			if page.status != http.StatusOK {
				t.Fatalf("desk page: %d", page.status)
			}
			if len(page.body) > 4*len(text) {
				t.Errorf("desk page of %d bytes for a text of %d", len(page.body), len(text))
			}
			mustContain(t, "desk page", page.body, "The text holds 2,051 candidate claims; the first 300 are highlighted.")
		})
	}
}
