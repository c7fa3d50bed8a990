package handlers_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"claimtracker/models/modelstest"
)

// TestArticleCandidatesSayHowSureTheyAre checks that the API gives each
// candidate its speaker confidence, its date source and the pieces of a
// quotation split by its attribution, and that the desk tells the editor
// which speakers and dates to check.
func TestArticleCandidatesSayHowSureTheyAre(t *testing.T) {
	const text = "The chancellor, Martin Hale, spoke in Leeds.\n\n" +
		"\"We will win,\" Hale said, \"because the numbers are on our side.\"\n\n" +
		"\"We have to see this through,\" the chancellor added."
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			body := `{"url":"https://example.org/hale-leeds","title":"Hale in Leeds","published_at":"2014-01-06","text":` + apiJSONText(t, text) + `}`
			r := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/articles", body)
			var got struct {
				ID         uint `json:"id"`
				Candidates []struct {
					Quote             string   `json:"quote"`
					Speaker           string   `json:"speaker"`
					SpeakerConfidence string   `json:"speaker_confidence"`
					DateSource        string   `json:"date_source"`
					Start             int      `json:"start"`
					End               int      `json:"end"`
					Parts             [][2]int `json:"parts"`
				} `json:"candidates"`
			}
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Candidates) != 2 {
				t.Fatalf("%d candidates, want 2: %s", len(got.Candidates), r.body)
			}
			split, role := got.Candidates[0], got.Candidates[1]
			if split.Quote != "We will win because the numbers are on our side" || len(split.Parts) != 2 ||
				text[split.Parts[0][0]:split.Parts[0][1]] != "We will win" ||
				text[split.Parts[1][0]:split.Parts[1][1]] != "because the numbers are on our side" ||
				split.Start != split.Parts[0][0] || split.End != split.Parts[1][1] {
				t.Errorf("split quotation: %+v", split)
			}
			if split.Speaker != "Martin Hale" || split.SpeakerConfidence != "high" || split.DateSource != "article_date" {
				t.Errorf("split quotation: speaker %q (%s), date %s", split.Speaker, split.SpeakerConfidence, split.DateSource)
			}
			if role.Speaker != "Martin Hale" || role.SpeakerConfidence != "medium" || role.Parts != nil {
				t.Errorf("role noun: speaker %q (%s), parts %v", role.Speaker, role.SpeakerConfidence, role.Parts)
			}

			ed, _ := e.login(t, "desk@example.org", "editor")
			page := e.get(t, ed, "/desk/articles/"+apiItoa(got.ID))
			if page.status != http.StatusOK {
				t.Fatalf("desk page: %d", page.status)
			}
			mustContain(t, "desk page", page.body, "inferred from the text: check", "the article&#39;s date")
		})
	}
}
