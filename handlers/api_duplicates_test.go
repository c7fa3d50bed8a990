package handlers_test

import (
	"fmt"
	"testing"

	"claimtracker/models/modelstest"
)

// TestAPISimilarFindsTheSameWordsWhateverTheSummary logs the same quotation
// twice through the API with summaries that share few words: the second
// answer lists the first claim first, as the same words (score 1), however
// its summary is phrased, and with its case, spaces and quotation marks
// written differently.
func TestAPISimilarFindsTheSameWordsWhateverTheSummary(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			// A claim that shares words with the quotation, logged first,
			// so that the same words must outrank it.
			e.must(t, 201, asEditor, "POST", "/api/v1/claims",
				`{"text":"The Russians had communications with the campaign, and I did not know","summary":"Sessions on Russian communications","speaker":"Jeff Sessions"}`)
			first := e.must(t, 201, asEditor, "POST", "/api/v1/claims",
				`{"text":"I did not have communications with the Russians","summary":"Attorney general nominee denies contacts","speaker":"Jeff Sessions"}`)
			for i, text := range []string{
				"I did not have communications with the Russians",
				"  i did not have  communications with the RUSSIANS ",
				"“I did not have communications with the Russians”",
			} {
				again := e.must(t, 201, asEditor, "POST", "/api/v1/claims", fmt.Sprintf(
					`{"text":%q,"summary":"Sworn testimony at the January 2017 hearing, version %d","speaker":"Jeff Sessions"}`, text, i))
				apiExpect(t, fmt.Sprintf("same words %q", text), again, 201, map[string]any{
					"similar.0.id": first.id(t, "id"), "similar.0.score": 1, "similar.0.exact": true,
					"similar.0.text": "I did not have communications with the Russians"})
			}
		})
	}
}

// TestAPIArticleAtALoggedAddress: an article whose address is already
// logged, however it is written (scheme, host case, "www.", port,
// trailing slash, fragment, tracking parameters), is a 409 that names the
// article logged there, and nothing is saved or fetched; allow_duplicate
// logs it again on purpose.
func TestAPIArticleAtALoggedAddress(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			first := e.must(t, 201, asEditor, "POST", "/api/v1/articles",
				`{"url":"https://www.example.org/2017/03/02/sessions-russia","title":"Sessions met Russian envoy","text":"Some text."}`)
			id := first.id(t, "id")
			refused := map[string]any{
				"error.code": "duplicate", "error.message": "An article at this address is already logged. Nothing was saved.",
				"error.fields": apiAbsent, "error.existing.#": 1, "error.existing.0.id": id,
				"error.existing.0.url":   "https://www.example.org/2017/03/02/sessions-russia",
				"error.existing.0.title": "Sessions met Russian envoy", "error.existing.0.created_at": apiStamp,
				"error.existing.0.desk_url": e.URL + fmt.Sprintf("/desk/articles/%d", id),
			}
			before := e.auditCount(t)
			for _, again := range []string{
				`{"url":"http://EXAMPLE.org:80/2017/03/02/sessions-russia/?utm_source=twitter&utm_medium=social#comments","title":"Again","text":"Some text."}`,
				`{"url":"https://example.org/2017/03/02/sessions-russia?fbclid=IwAR0xyz&gclid=abc","title":"Again","text":"Some text."}`,
				// Without text the server would fetch the page: it does not,
				// since the address is logged (this test's server fetches
				// nothing from the network).
				`{"url":"https://example.org/2017/03/02/sessions-russia"}`,
			} {
				apiExpect(t, "the same address again: "+again, e.call(t, asAuthor, "POST", "/api/v1/articles", again), 409, refused)
			}
			if after := e.auditCount(t); after != before {
				t.Errorf("refused articles wrote %d audit events", after-before)
			}
			if n, _ := e.store.ListArticles(e.ctx(), 10); len(n) != 1 {
				t.Errorf("%d articles after the refusals, want 1", len(n))
			}
			// Another page of the site is another article; the same page on purpose is logged.
			e.must(t, 201, asAuthor, "POST", "/api/v1/articles", `{"url":"https://example.org/2017/03/02/sessions-russia?page=2","title":"Page 2","text":"Some text."}`)
			second := e.must(t, 201, asAuthor, "POST", "/api/v1/articles",
				`{"url":"https://example.org/2017/03/02/sessions-russia/","title":"Read again","text":"Updated text.","allow_duplicate":true}`)
			if second.id(t, "id") == id {
				t.Fatal("logged again on purpose: the same id")
			}
			apiExpect(t, "allow_duplicate must be true or false", e.call(t, asAuthor, "POST", "/api/v1/articles",
				`{"url":"https://example.org/x","title":"X","text":"Some text.","allow_duplicate":"yes"}`), 422, apiInvalid("allow_duplicate", "must be true or false"))
		})
	}
}
