package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// apiCase is one API call and what its answer must hold.
type apiCase struct {
	name         string
	who          string
	method, path string
	body         string
	status       int
	want         map[string]any
}

func TestAPIEndpointsSucceed(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			article, err := e.store.CreateArticle(e.ctx(), e.users[asEditor], models.Meta{}, models.ArticleInput{
				URL: "https://example.org/news/1", Title: "Budget day", Text: "Nothing quoted here.",
			})
			if err != nil {
				t.Fatal(err)
			}
			draft := e.draft(t, asEditor, "Wages rose by ten percent")
			src := e.source(t, draft.ID)
			doomed := e.source(t, draft.ID)
			unrated := e.draft(t, asEditor, "Bridges were all repaired")
			revisable := e.verdict(t, asAuthor, e.draft(t, asAuthor, "Trains ran on time").ID)
			approvable := e.verdict(t, asAuthor, e.draft(t, asAuthor, "Schools opened early").ID)
			sendBack := e.verdict(t, asAuthor, e.draft(t, asAuthor, "Parks were extended").ID)
			pub := e.published(t, "Crime fell sharply")
			toRetract := e.published(t, "Rivers got cleaner")

			// Leading blank lines and curly quotes: offsets count bytes of the text as sent.
			articleText := "\n\n  The mayor, Ann Lee, said on Monday: “Taxes will not rise this year.”\n"
			quoteStart := strings.Index(articleText, "Taxes")
			cases := []apiCase{
				{"me", asEditor, "GET", "/api/v1/me", "", 200, map[string]any{
					"email": "editor@example.org", "name": "Test editor", "role": "editor"}},
				{"log an article", asEditor, "POST", "/api/v1/articles",
					`{"url":"https://example.org/news/2","title":"Tax pledge","outlet":"The Daily","author":"Sam Writer","published_at":"2021-06-09","text":` + apiJSONText(t, articleText) + `}`,
					201, map[string]any{
						"id": apiID, "url": "https://example.org/news/2", "title": "Tax pledge", "outlet": "The Daily", "author": "Sam Writer",
						"published_at": "2021-06-09", "created_at": apiStamp, "text": apiAbsent,
						"candidates.#": 1, "candidates_total": 1, "candidates.0.quote": "Taxes will not rise this year", "candidates.0.speaker": "Ann Lee",
						"candidates.0.said_at": "2021-06-07", "candidates.0.kind": "quote", "candidates.0.sentence": "The mayor, Ann Lee, said on Monday: “Taxes will not rise this year.”",
						"candidates.0.start": quoteStart, "candidates.0.end": quoteStart + len("Taxes will not rise this year"),
					}},
				{"log a claim", asEditor, "POST", "/api/v1/claims",
					`{"text":"Our ferries carry a million riders","summary":"Ferries carry a million riders","speaker":"Harbour Board","speaker_kind":"organization",` +
						`"said_at":"2021-02-03","setting":"Annual report","appearance_url":"https://example.org/report","article_id":` + apiItoa(article.ID) + `,"tags":["Transport","transport"," Ferries "]}`,
					201, map[string]any{
						"id": apiID, "slug": "ferries-carry-a-million-riders", "status": "draft", "text": "Our ferries carry a million riders",
						"summary": "Ferries carry a million riders", "speaker": "Harbour Board", "speaker_slug": "harbour-board", "speaker_kind": "organization",
						"said_at": "2021-02-03", "setting": "Annual report", "appearance_url": "https://example.org/report", "article_id": article.ID,
						"created_by": e.users[asEditor].ID, "tags": []string{"ferries", "transport"}, "rating": nil, "sources": []any{}, "verdicts": []any{},
						"corrections": []any{}, "published_at": nil, "retracted_at": nil, "created_at": apiStamp, "updated_at": apiStamp, "similar": []any{},
					}},
				{"log a claim with only what is required", asEditor, "POST", "/api/v1/claims",
					`{"text":"Nobody asked","summary":"Nobody asked","speaker":"Pat Speaker"}`,
					201, map[string]any{"status": "draft", "said_at": nil, "article_id": nil, "speaker_kind": "person", "tags": []any{}, "setting": ""}},
				{"show a published claim", asEditor, "GET", apiPath("/claims/%d", pub.ID), "", 200, map[string]any{
					"id": pub.ID, "status": "published", "rating": "false", "published_at": apiStamp, "said_at": "2020-05-01",
					"speaker": "Pat Speaker", "tags": []string{"economy"},
					"sources.#": 1, "sources.0.kind": "news_report", "sources.0.stance": "contradicts", "sources.0.published_at": "2020-05-02",
					"sources.0.url": "https://example.org/report", "sources.0.excerpt": "It did not happen.", "sources.0.locator": "para 3",
					"verdicts.#": 1, "verdicts.0.status": "published", "verdicts.0.rating": "false", "verdicts.0.rating_label": "False",
					"verdicts.0.author_id": e.users[asAuthor].ID, "verdicts.0.published_at": apiStamp,
					"verdicts.0.reviews.#": 1, "verdicts.0.reviews.0.decision": "approve", "verdicts.0.reviews.0.reviewer_id": e.users[asReviewer].ID,
					"verdicts.0.reviews.0.version": 1, "corrections": []any{},
				}},
				{"list drafts", asEditor, "GET", "/api/v1/claims?status=draft", "", 200, map[string]any{
					"page": 1, "per_page": 50, "next_page": nil, "claims.#": 4, "claims.0.status": "draft", "claims.0.summary": "Nobody asked",
					"claims.0.sources": apiAbsent,
				}},
				{"list everything", asEditor, "GET", "/api/v1/claims?page=1", "", 200, map[string]any{"claims.#": 9, "next_page": nil}},
				{"list an empty page", asEditor, "GET", "/api/v1/claims?page=2", "", 200, map[string]any{"claims": []any{}, "page": 2}},
				{"edit a draft: only what is sent changes", asEditor, "PATCH", apiPath("/claims/%d", draft.ID),
					`{"summary":"Wages rose by eight percent","said_at":"","tags":["Jobs"]}`, 200, map[string]any{
						"summary": "Wages rose by eight percent", "said_at": nil, "tags": []string{"jobs"}, "text": draft.Text,
						"setting": "A press conference", "speaker": "Pat Speaker", "status": "draft", "sources.#": 2}},
				{"attach a source", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID),
					`{"url":"https://example.org/stats","title":"Wage statistics","outlet":"Statistics Office","published_at":"2021-01-31","kind":"dataset","stance":"supports","excerpt":"Up 8%","locator":"table 2"}`,
					201, map[string]any{"id": apiID, "claim_id": draft.ID, "url": "https://example.org/stats", "title": "Wage statistics",
						"outlet": "Statistics Office", "published_at": "2021-01-31", "kind": "dataset", "stance": "supports", "excerpt": "Up 8%",
						"locator": "table 2", "created_by": e.users[asEditor].ID, "created_at": apiStamp, "updated_at": apiStamp}},
				{"change a source's stance only", asReviewer, "PATCH", apiPath("/sources/%d", src.ID), `{"stance":"context","published_at":null}`,
					200, map[string]any{"id": src.ID, "stance": "context", "title": "A report", "kind": "news_report", "published_at": "2020-05-02",
						"excerpt": "It did not happen.", "created_by": e.users[asEditor].ID}},
				{"delete a source", asEditor, "DELETE", apiPath("/sources/%d", doomed.ID), "", 204, nil},
				{"propose a verdict", asEditor, "POST", apiPath("/claims/%d/verdicts", unrated.ID),
					`{"rating":"mostly-false","headline":"Only some were","explanation":"Three of *ten* bridges are still closed."}`,
					201, map[string]any{"id": apiID, "claim_id": unrated.ID, "status": "in_review", "version": 1, "rating": "mostly-false",
						"rating_label": "Mostly false", "headline": "Only some were", "explanation": "Three of *ten* bridges are still closed.",
						"author_id": e.users[asEditor].ID, "published_at": nil, "reviews": []any{}, "created_at": apiStamp}},
				{"revise a verdict: only what is sent changes", asAuthor, "PATCH", apiPath("/verdicts/%d", revisable.ID), `{"headline":"Mostly late"}`,
					200, map[string]any{"id": revisable.ID, "version": 2, "status": "in_review", "headline": "Mostly late", "rating": "false",
						"explanation": "The records show otherwise."}},
				{"approve a verdict", asReviewer, "POST", apiPath("/verdicts/%d/reviews", approvable.ID), `{"decision":"approve","comment":"Solid.","version":1}`,
					201, map[string]any{"id": apiID, "verdict_id": approvable.ID, "claim_id": approvable.ClaimID, "reviewer_id": e.users[asReviewer].ID,
						"version": 1, "decision": "approve", "comment": "Solid.", "published": true, "verdict_status": "published", "created_at": apiStamp}},
				{"send a verdict back", asAdmin, "POST", apiPath("/verdicts/%d/reviews", sendBack.ID), `{"decision":"request_changes","comment":"Cite the map.","version":1}`,
					201, map[string]any{"decision": "request_changes", "comment": "Cite the map.", "published": false, "verdict_status": "changes_requested",
						"reviewer_id": e.users[asAdmin].ID}},
				{"add a correction", asEditor, "POST", apiPath("/claims/%d/corrections", pub.ID), `{"kind":"clarification","note":"We added the year."}`,
					201, map[string]any{"id": apiID, "claim_id": pub.ID, "kind": "clarification", "note": "We added the year.", "old_rating": nil,
						"new_rating": nil, "author_id": e.users[asEditor].ID, "created_at": apiStamp}},
				{"retract a claim", asReviewer, "POST", apiPath("/claims/%d/retract", toRetract.ID), `{"note":"The video was misdated."}`,
					200, map[string]any{"id": toRetract.ID, "status": "retracted", "retracted_at": apiStamp, "corrections.#": 1,
						"corrections.0.kind": "retraction", "corrections.0.note": "The video was misdated.", "rating": "false"}},
				{"history of a claim", asEditor, "GET", apiPath("/claims/%d/history", pub.ID), "", 200, map[string]any{
					"events.#": 6, "events.0.action": "claim.create", "events.0.actor": "author@example.org", "events.0.at": apiStamp,
					"events.0.before": nil, "events.0.after.summary": "Crime fell sharply", "events.0.after.tags": []string{"economy"},
					"events.1.action": "source.add", "events.2.action": "verdict.propose", "events.2.after.rating": "false",
					"events.3.action": "review.approve", "events.3.actor": "reviewer@example.org", "events.4.action": "claim.publish",
					"events.4.actor": "review quorum", "events.5.action": "correction.add", "events.5.after.kind": "clarification", "events.0.ip": apiAbsent}},
				{"the rating scale", asEditor, "GET", "/api/v1/ratings", "", 200, map[string]any{
					"ratings.#": 7, "ratings.0.slug": "true", "ratings.0.label": "True", "ratings.0.position": 1, "ratings.0.ordered": true,
					"ratings.0.description": apiString, "ratings.5.slug": "false", "ratings.6.slug": "unproven", "ratings.6.ordered": false}},
				{"add a rating", asAdmin, "POST", "/api/v1/ratings", `{"label":"Pants on fire","description":"Absurdly false.","position":7,"ordered":true}`,
					201, map[string]any{"slug": "pants-on-fire", "label": "Pants on fire", "description": "Absurdly false.", "position": 7, "ordered": true}},
				{"edit a rating: only what is sent changes", asAdmin, "PATCH", "/api/v1/ratings/pants-on-fire", `{"description":"Ridiculous."}`,
					200, map[string]any{"slug": "pants-on-fire", "label": "Pants on fire", "description": "Ridiculous.", "position": 7, "ordered": true}},
			}
			for _, tc := range cases {
				r := e.call(t, tc.who, tc.method, tc.path, tc.body)
				apiExpect(t, tc.name, r, tc.status, tc.want)
				if tc.status != http.StatusNoContent && r.header.Get("Content-Type") != "application/json" {
					t.Errorf("%s: Content-Type %q", tc.name, r.header.Get("Content-Type"))
				}
				if r.header.Get("Cache-Control") != "no-store" {
					t.Errorf("%s: Cache-Control %q", tc.name, r.header.Get("Cache-Control"))
				}
				if tc.status == http.StatusNoContent && r.body != "" {
					t.Errorf("%s: body %q, want none", tc.name, r.body)
				}
			}
			// The deleted source is gone, the edited one kept what was not sent.
			if _, err := e.store.GetSource(e.ctx(), doomed.ID); err == nil {
				t.Error("deleted source still exists")
			}
		})
	}
}

func TestAPIClaimListPages(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			for i := range 51 {
				e.draft(t, asEditor, fmt.Sprintf("Claim number %d", i))
			}
			e.published(t, "The one published claim")
			cases := []apiCase{
				{"first page", asReviewer, "GET", "/api/v1/claims", "", 200, map[string]any{
					"claims.#": 50, "page": 1, "next_page": 2, "claims.0.summary": "The one published claim", "claims.1.summary": "Claim number 50"}},
				{"second page", asReviewer, "GET", "/api/v1/claims?page=2", "", 200, map[string]any{
					"claims.#": 2, "page": 2, "next_page": nil, "claims.1.summary": "Claim number 0"}},
				{"drafts, second page", asReviewer, "GET", "/api/v1/claims?status=draft&page=2", "", 200, map[string]any{
					"claims.#": 1, "next_page": nil, "claims.0.summary": "Claim number 0"}},
				{"published", asReviewer, "GET", "/api/v1/claims?status=published", "", 200, map[string]any{
					"claims.#": 1, "next_page": nil, "claims.0.status": "published", "claims.0.published_at": apiStamp}},
				{"retracted", asReviewer, "GET", "/api/v1/claims?status=retracted", "", 200, map[string]any{"claims": []any{}, "next_page": nil}},
			}
			for _, tc := range cases {
				apiExpect(t, tc.name, e.call(t, tc.who, tc.method, tc.path, tc.body), tc.status, tc.want)
			}
		})
	}
}
