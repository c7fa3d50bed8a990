package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// apiSeedArticle tells, in this project's own words, the case that started
// Claimtracker: sworn testimony at a confirmation hearing, a newspaper
// report that contradicts it, and the speaker's answer.
const apiSeedArticle = `Attorney General Jeff Sessions faced calls on Thursday to step aside from any inquiry into Russia, after a newspaper revealed contacts he had not disclosed.

Testifying under oath at his Senate confirmation hearing on January 10, Sessions told senators: "I did not have communications with the Russians."

On Wednesday, March 1, the Washington Post reported that Sessions had met Russia's ambassador to the United States twice during the 2016 campaign.

In a statement on March 2, Sessions answered: "I have no idea what this allegation is about - it is false."
`

const apiSwornQuote = "I did not have communications with the Russians"

// TestAPISeedJourney logs the seed case through the API alone, from the
// article to a published, re-rated, corrected and finally retracted claim.
func TestAPISeedJourney(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)

			// The editor pastes the article; the sworn quote is a candidate.
			art := e.must(t, 201, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(
				`{"url":"https://example.org/2017/03/02/sessions-russia","title":"Sessions met Russian envoy","outlet":"Example News","published_at":"2017-03-02","text":%s}`,
				apiJSONText(t, apiSeedArticle)))
			var sworn apiResult
			for i := range art.count(t, "candidates") {
				if c := art.at(t, fmt.Sprintf("candidates.%d", i)); c.str(t, "quote") == apiSwornQuote {
					sworn = c
				}
			}
			if sworn.json == nil {
				t.Fatalf("the sworn quote is not a candidate: %s", art.body)
			}
			apiExpect(t, "sworn candidate", sworn, 201, map[string]any{
				"speaker": "Jeff Sessions", "said_at": "2017-01-10", "kind": "quote"})
			start, end := sworn.id(t, "start"), sworn.id(t, "end")
			if got := apiSeedArticle[start:end]; got != apiSwornQuote {
				t.Fatalf("text[start:end] = %q", got)
			}

			// The claim, from the candidate.
			claim := e.must(t, 201, asEditor, "POST", "/api/v1/claims", fmt.Sprintf(
				`{"text":%q,"summary":"Sessions said he had no communications with the Russians","speaker":%q,"said_at":%q,`+
					`"setting":"Senate confirmation hearing, under oath","appearance_url":"https://example.org/hearing","article_id":%d,"tags":["Russia","Confirmation hearings"]}`,
				apiSwornQuote, sworn.str(t, "speaker"), sworn.str(t, "said_at"), art.id(t, "id")))
			apiExpect(t, "new claim", claim, 201, map[string]any{"status": "draft", "similar": []any{}, "speaker": "Jeff Sessions",
				"said_at": "2017-01-10", "tags": []string{"confirmation-hearings", "russia"}, "article_id": art.id(t, "id")})
			id := claim.id(t, "id")
			claimURL := apiPath("/claims/%d", id)

			// The evidence: the report that contradicts him, and his answer.
			e.must(t, 201, asEditor, "POST", claimURL+"/sources",
				`{"url":"https://example.org/2017/03/01/report","title":"Sessions met with Russian envoy twice last year","outlet":"The Washington Post",`+
					`"published_at":"2017-03-01","kind":"news_report","stance":"contradicts","excerpt":"He met the Russian ambassador twice in 2016.","locator":"para 1"}`)
			e.must(t, 201, asEditor, "POST", claimURL+"/sources",
				`{"url":"https://example.org/2017/03/02/statement","title":"Statement of the Attorney General","published_at":"2017-03-02",`+
					`"kind":"statement","stance":"context","excerpt":"I have no idea what this allegation is about - it is false."}`)

			// Rated false, approved by a reviewer: published (quorum 1).
			first := e.must(t, 201, asEditor, "POST", claimURL+"/verdicts",
				`{"rating":"false","headline":"He had met the Russian ambassador twice","explanation":"Two meetings in 2016 were later reported."}`)
			apiExpect(t, "first verdict", first, 201, map[string]any{"status": "in_review", "version": 1, "rating_label": "False"})
			apiExpect(t, "claim in review", e.call(t, asEditor, "GET", claimURL, ""), 200, map[string]any{"status": "in_review", "rating": nil})
			review := e.must(t, 201, asReviewer, "POST", apiPath("/verdicts/%d/reviews", first.id(t, "id")), `{"decision":"approve","version":1}`)
			apiExpect(t, "approval", review, 201, map[string]any{"published": true, "verdict_status": "published", "claim_id": id})
			apiExpect(t, "published claim", e.call(t, asEditor, "GET", claimURL, ""), 200, map[string]any{
				"status": "published", "rating": "false", "published_at": apiStamp, "corrections": []any{},
				"sources.#": 2, "sources.0.stance": "contradicts", "sources.0.published_at": "2017-03-01",
				"sources.1.kind": "statement", "sources.1.published_at": "2017-03-02",
				"verdicts.0.status": "published", "verdicts.0.reviews.0.decision": "approve"})

			// A later, approved verdict supersedes the first with a public rating change.
			second := e.must(t, 201, asEditor, "POST", claimURL+"/verdicts",
				`{"rating":"mostly-false","headline":"The meetings were in his role as senator","explanation":"He later said he had not met Russians about the campaign."}`)
			apiExpect(t, "still published meanwhile", e.call(t, asEditor, "GET", claimURL, ""), 200, map[string]any{"status": "published", "rating": "false"})
			e.must(t, 201, asReviewer, "POST", apiPath("/verdicts/%d/reviews", second.id(t, "id")), `{"decision":"approve","comment":"Fair.","version":1}`)
			apiExpect(t, "re-rated claim", e.call(t, asEditor, "GET", claimURL, ""), 200, map[string]any{
				"status": "published", "rating": "mostly-false",
				"verdicts.#": 2, "verdicts.0.status": "superseded", "verdicts.1.status": "published", "verdicts.1.rating_label": "Mostly false",
				"corrections.#": 1, "corrections.0.kind": "rating_change", "corrections.0.old_rating": "False", "corrections.0.new_rating": "Mostly false",
				"corrections.0.note": "We changed our rating from False to Mostly false after a new review of the evidence."})

			// A correction, then a retraction.
			e.must(t, 201, asEditor, "POST", claimURL+"/corrections", `{"kind":"correction","note":"The hearing was on 10 January, not 11 January."}`)
			apiExpect(t, "retraction", e.call(t, asReviewer, "POST", claimURL+"/retract", `{"note":"Withdrawn while we re-examine the transcript."}`), 200, map[string]any{
				"status": "retracted", "retracted_at": apiStamp, "rating": "mostly-false", "corrections.#": 3,
				"corrections.1.kind": "correction", "corrections.2.kind": "retraction"})

			// The history tells it all, in order.
			hist := e.must(t, 200, asEditor, "GET", claimURL+"/history", "")
			want := []string{"claim.create", "source.add", "source.add", "verdict.propose", "review.approve", "claim.publish",
				"verdict.propose", "review.approve", "claim.publish", "correction.add", "claim.retract"}
			var got []string
			for i := range hist.count(t, "events") {
				got = append(got, hist.str(t, fmt.Sprintf("events.%d.action", i)))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("history:\n got %v\nwant %v", got, want)
			}
			apiExpect(t, "history", hist, 200, map[string]any{
				"events.0.actor": "editor@example.org", "events.0.after.said_at": "2017-01-10", "events.0.before": nil,
				"events.1.after.kind": "news_report", "events.4.actor": "reviewer@example.org", "events.5.actor": "review quorum",
				"events.5.after.rating": "false", "events.8.after.rating": "mostly-false", "events.8.after.superseded": 1,
				"events.10.before.status": "published", "events.10.after.status": "retracted", "events.10.at": apiStamp})

			// Logging the same statement again points to the first.
			dup := e.must(t, 201, asEditor, "POST", "/api/v1/claims",
				`{"text":"I did not have any communications with the Russians","summary":"Sessions denied communications with Russians","speaker":"Jeff Sessions"}`)
			apiExpect(t, "near-duplicate", dup, 201, map[string]any{"similar.0.id": id, "similar.0.slug": claim.str(t, "slug"),
				"similar.0.text": apiSwornQuote, "similar.0.score": apiScore, "similar.0.status": "retracted"})
		})
	}
}
