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
