package handlers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
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

// TestArticleCandidatesSayWhatIsAlreadyChecked checks that a candidate
// repeating a published fact-check, word for word or reworded, lists it
// under checked in the API with its published rating, and that the desk
// shows it as "Already checked" with a link to its public page; drafts,
// claims in review and retracted claims with the same words are never
// listed, and a candidate nothing answers has an empty list.
func TestArticleCandidatesSayWhatIsAlreadyChecked(t *testing.T) {
	const words = "Unemployment fell to its lowest level in fifty years under this government"
	const text = "The minister, Pat Speaker, repeated the boast in Leeds on Monday.\n\n" +
		"\"" + words + ",\" Speaker said.\n\n" +
		"Later she told reporters: \"Unemployment has fallen to its lowest level in fifty years under this government.\"\n\n" +
		"\"The tide comes in twice a day,\" the harbour master said."
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			pub := e.publish(t, e.draftSaying(t, asAuthor, words, "Unemployment at a fifty-year low"))
			// A verdict proposed since is not what the public sees.
			if _, err := e.store.ProposeVerdict(e.ctx(), e.users[asEditor], models.Meta{}, pub.ID, models.VerdictInput{
				Rating: "true", Headline: "A pending headline", Explanation: "Not reviewed yet."}); err != nil {
				t.Fatal(err)
			}
			draft := e.draftSaying(t, asEditor, words, "A draft with the same words")
			inReview := e.draftSaying(t, asAuthor, words, "In review with the same words")
			e.verdict(t, asAuthor, inReview.ID)
			retracted := e.publish(t, e.draftSaying(t, asAuthor, words, "Retracted with the same words"))
			if _, err := e.store.RetractClaim(e.ctx(), e.users[asReviewer], models.Meta{}, retracted.ID, "Published in error."); err != nil {
				t.Fatal(err)
			}

			body := `{"url":"https://example.org/jobs","title":"Jobs boast","published_at":"2024-05-06","text":` + apiJSONText(t, text) + `}`
			r := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/articles", body)
			type checked struct {
				Slug        string  `json:"slug"`
				URL         string  `json:"url"`
				Rating      string  `json:"rating"`
				RatingLabel string  `json:"rating_label"`
				Headline    string  `json:"headline"`
				Score       float64 `json:"score"`
			}
			var got struct {
				ID         uint `json:"id"`
				Candidates []struct {
					Quote   string          `json:"quote"`
					Checked json.RawMessage `json:"checked"`
				} `json:"candidates"`
			}
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Candidates) != 3 {
				t.Fatalf("%d candidates, want 3: %s", len(got.Candidates), r.body)
			}
			for i, score := range []float64{1, 0.86} {
				var list []checked
				if err := json.Unmarshal(got.Candidates[i].Checked, &list); err != nil {
					t.Fatal(err)
				}
				if len(list) != 1 {
					t.Fatalf("candidate %d (%q): checked %s, want only %s", i, got.Candidates[i].Quote, got.Candidates[i].Checked, pub.Slug)
				}
				if c := list[0]; c.Slug != pub.Slug || !strings.HasSuffix(c.URL, "/claims/"+pub.Slug) || c.Rating != "false" ||
					c.RatingLabel != "False" || c.Headline != "It did not happen" || c.Score != score {
					t.Errorf("candidate %d: checked %+v, want %s rated false, scoring %v", i, c, pub.Slug, score)
				}
			}
			if string(got.Candidates[2].Checked) != "[]" {
				t.Errorf("unrelated candidate: checked %s, want []", got.Candidates[2].Checked)
			}

			ed, _ := e.login(t, "desk@example.org", "editor")
			page := e.get(t, ed, "/desk/articles/"+apiItoa(got.ID))
			if page.status != http.StatusOK {
				t.Fatalf("desk page: %d", page.status)
			}
			mustContain(t, "desk page", page.body, "Already checked:", `href="/claims/`+pub.Slug+`"`,
				`<strong class="rating-word r-false"><bdi>False</bdi></strong>`, "It did not happen", "same words", "86% of the words alike")
			if n := strings.Count(page.body, "Already checked:"); n != 2 {
				t.Errorf("desk page: %d lines Already checked, want 2", n)
			}
			for _, hidden := range []string{draft.Slug, inReview.Slug, retracted.Slug, "A pending headline"} {
				if strings.Contains(page.body, hidden) || strings.Contains(r.body, hidden) {
					t.Errorf("%q is listed as checked", hidden)
				}
			}
		})
	}
}
