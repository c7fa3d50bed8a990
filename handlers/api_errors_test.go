package handlers_test

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// apiLeaveOut, as a value in apiBody's changes, leaves the field out.
type apiLeaveOut struct{}

// apiBody writes base with changes applied as a JSON object.
func apiBody(t *testing.T, base, changes map[string]any) string {
	t.Helper()
	m := maps.Clone(base)
	for k, v := range changes {
		if _, drop := v.(apiLeaveOut); drop {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apiManyFields is a JSON object with n unknown fields, f00, f01…
func apiManyFields(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`"f%02d":%d`, i, i)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// Valid bodies that the error cases change one field of.
var (
	apiArticleBase = map[string]any{"url": "https://example.org/a", "title": "A title", "published_at": "2020-01-01", "text": "Some text."}
	apiClaimBase   = map[string]any{"text": "Some words", "summary": "Some words", "speaker": "Pat Speaker"}
	apiSourceBase  = map[string]any{"url": "https://example.org/s", "title": "A source", "kind": "news_report", "stance": "supports"}
	apiVerdictBase = map[string]any{"rating": "false", "headline": "A headline", "explanation": "Because."}
	apiRatingBase  = map[string]any{"label": "Brand new", "position": 9}
)

func TestAPIRefusesBadRequests(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			draft := e.draft(t, asEditor, "Wages rose by ten percent")
			draftSource := e.source(t, draft.ID)
			inReview := e.draft(t, asAuthor, "Trains ran on time")
			open := e.verdict(t, asAuthor, inReview.ID)
			pub := e.published(t, "Crime fell sharply")
			pubClaim, err := e.store.GetClaim(e.ctx(), pub.ID)
			if err != nil {
				t.Fatal(err)
			}
			pubSource, pubVerdict := pubClaim.Sources[0], pubClaim.Verdicts[0]
			ownByReviewer := e.verdict(t, asReviewer, e.draft(t, asReviewer, "Parks were extended").ID)

			body := func(base map[string]any, changes map[string]any) string { return apiBody(t, base, changes) }
			long := func(n int) string { return strings.Repeat("x", n) }
			notURL := "must be an http or https URL"
			notDate := "must be a date like 2017-01-10"
			required := "is required"
			unknown := "is not a known field"
			conflict := apiFail("conflict", "This cannot be changed in its current state.")
			sourcesFixed := apiFail("conflict", fmt.Sprintf("Claim %d is published, so its sources are fixed: the sources of a published fact-check change through an update.", pub.ID))
			notFound := apiFail("not_found", "There is nothing at this address.")
			forbidden := apiFail("forbidden", "Your account may not do this.")
			badJSON := apiFail("bad_request", "The body is not valid JSON.")
			notObject := apiFail("bad_request", "The body must be a JSON object.")

			cases := []apiCase{
				// Articles.
				{"article without url", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"url": apiLeaveOut{}}), 422, apiInvalid("url", required)},
				{"article with a javascript: url", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"url": "javascript:alert(1)"}), 422, apiInvalid("url", notURL)},
				{"article with a relative url", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"url": "/news/1"}), 422, apiInvalid("url", notURL)},
				{"article title too long", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"title": long(301)}), 422, apiInvalid("title", "must be at most 300 characters")},
				{"article outlet too long", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"outlet": long(201)}), 422, apiInvalid("outlet", "must be at most 200 characters")},
				{"article on 30 February", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"published_at": "2017-02-30"}), 422, apiInvalid("published_at", notDate)},
				{"article date in another format", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"published_at": "10/01/2017"}), 422, apiInvalid("published_at", notDate)},
				{"article without text", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"text": "  "}), 422, apiInvalid("text", required)},
				{"article text too long", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"text": long(models.MaxArticleText + 1)}), 422, apiInvalid("text", "must be at most 200000 characters")},
				{"article with a number for a title", asEditor, "POST", "/api/v1/articles", body(apiArticleBase, map[string]any{"title": 12}), 422, apiInvalid("title", "must be a string")},

				// Claims.
				{"claim without text", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"text": apiLeaveOut{}}), 422, apiInvalid("text", required)},
				{"claim without speaker", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"speaker": ""}), 422, apiInvalid("speaker", required)},
				{"claim summary too long", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"summary": long(76)}), 422, apiInvalid("summary", "must be at most 75 characters")},
				{"claim text too long", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"text": long(5001)}), 422, apiInvalid("text", "must be at most 5000 characters")},
				{"claim speaker kind unknown", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"speaker_kind": "robot"}), 422, apiInvalid("speaker_kind", "must be person or organization")},
				{"claim said on a bad date", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"said_at": "yesterday"}), 422, apiInvalid("said_at", notDate)},
				{"claim seen at a javascript: url", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"appearance_url": "javascript:alert(1)"}), 422, apiInvalid("appearance_url", notURL)},
				{"claim from an unknown article", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"article_id": 999999}), 422, apiInvalid("article_id", "is not a logged article")},
				{"claim from a negative article", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"article_id": -1}), 422, apiInvalid("article_id", "must be a positive whole number")},
				{"claim with eleven tags", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"tags": strings.Split("a b c d e f g h i j k", " ")}), 422, apiInvalid("tags", "must be at most 10")},
				{"claim with a tag too long", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"tags": []string{long(41)}}), 422, apiInvalid("tags", "must each be at most 40 characters")},
				{"claim with tags as a string", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"tags": "economy"}), 422, apiInvalid("tags", "must be a list of strings")},
				{"claim with a number among tags", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"tags": []any{"economy", 3}}), 422, apiInvalid("tags", "must be a list of strings")},
				{"claim with a status", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"status": "published"}), 422, apiInvalid("status", unknown)},
				{"show an unknown claim", asEditor, "GET", "/api/v1/claims/999999", "", 404, notFound},
				{"show claim abc", asEditor, "GET", "/api/v1/claims/abc", "", 404, notFound},
				{"show claim 0", asEditor, "GET", "/api/v1/claims/0", "", 404, notFound},
				{"show claim -1", asEditor, "GET", "/api/v1/claims/-1", "", 404, notFound},
				{"show claim 1.5", asEditor, "GET", "/api/v1/claims/1.5", "", 404, notFound},
				{"show claim past 32 bits", asEditor, "GET", "/api/v1/claims/99999999999", "", 404, notFound},
				{"list by an unknown status", asEditor, "GET", "/api/v1/claims?status=lost", "", 422, apiInvalid("status", "must be draft, researching, sent_back, in_review, published or retracted")},
				{"list page 0", asEditor, "GET", "/api/v1/claims?page=0", "", 422, apiInvalid("page", "must be a whole number from 1 to 100000")},
				{"list page x", asEditor, "GET", "/api/v1/claims?page=x", "", 422, apiInvalid("page", "must be a whole number from 1 to 100000")},
				{"edit a published claim", asEditor, "PATCH", apiPath("/claims/%d", pub.ID), `{"summary":"Crime fell"}`, 409, conflict},
				{"edit a claim in review", asEditor, "PATCH", apiPath("/claims/%d", inReview.ID), `{"summary":"Trains ran"}`, 409, conflict},
				{"empty a draft's summary", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), `{"summary":""}`, 422, apiInvalid("summary", required)},
				{"edit a draft's article", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), `{"article_id":1}`, 422, apiInvalid("article_id", unknown)},
				{"edit a draft's status", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), `{"status":"published"}`, 422,
					apiInvalid("status", "must be researching: a claim goes to review with a verdict")},
				{"edit an unknown claim", asEditor, "PATCH", "/api/v1/claims/999999", `{"summary":"x"}`, 404, notFound},
				{"history of an unknown claim", asEditor, "GET", "/api/v1/claims/999999/history", "", 404, notFound},

				// Sources.
				{"source of an unknown kind", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"kind": "rumour"}), 422,
					apiInvalid("kind", "must be one of transcript, official_record, news_report, statement, social_post, dataset, other")},
				{"source with an unknown stance", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"stance": "neutral"}), 422,
					apiInvalid("stance", "must be supports, contradicts or context")},
				{"source without title", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"title": apiLeaveOut{}}), 422, apiInvalid("title", required)},
				{"source at a javascript: url", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"url": "javascript:alert(1)"}), 422, apiInvalid("url", notURL)},
				{"source on a bad date", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"published_at": "2020-13-01"}), 422, apiInvalid("published_at", notDate)},
				{"source excerpt too long", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"excerpt": long(5001)}), 422, apiInvalid("excerpt", "must be at most 5000 characters")},
				{"source locator too long", asEditor, "POST", apiPath("/claims/%d/sources", draft.ID), body(apiSourceBase, map[string]any{"locator": long(201)}), 422, apiInvalid("locator", "must be at most 200 characters")},
				{"source on a published claim", asEditor, "POST", apiPath("/claims/%d/sources", pub.ID), body(apiSourceBase, nil), 409, sourcesFixed},
				{"source on an unknown claim", asEditor, "POST", "/api/v1/claims/999999/sources", body(apiSourceBase, nil), 404, notFound},
				{"change a source to an unknown stance", asEditor, "PATCH", apiPath("/sources/%d", draftSource.ID), `{"stance":"neutral"}`, 422, apiInvalid("stance", "must be supports, contradicts or context")},
				{"move a source to another claim", asEditor, "PATCH", apiPath("/sources/%d", draftSource.ID), `{"claim_id":1}`, 422, apiInvalid("claim_id", unknown)},
				{"change a source of a published claim", asEditor, "PATCH", apiPath("/sources/%d", pubSource.ID), `{"stance":"context"}`, 409, sourcesFixed},
				{"change an unknown source", asEditor, "PATCH", "/api/v1/sources/999999", `{"stance":"context"}`, 404, notFound},
				{"delete a source of a published claim", asEditor, "DELETE", apiPath("/sources/%d", pubSource.ID), "", 409, sourcesFixed},
				{"delete an unknown source", asEditor, "DELETE", "/api/v1/sources/999999", "", 404, notFound},

				// Verdicts.
				{"verdict with an unknown rating", asEditor, "POST", apiPath("/claims/%d/verdicts", draft.ID), body(apiVerdictBase, map[string]any{"rating": "pants"}), 422, apiInvalid("rating", "is not on the rating scale")},
				{"verdict without rating", asEditor, "POST", apiPath("/claims/%d/verdicts", draft.ID), body(apiVerdictBase, map[string]any{"rating": apiLeaveOut{}}), 422, apiInvalid("rating", required)},
				{"verdict headline too long", asEditor, "POST", apiPath("/claims/%d/verdicts", draft.ID), body(apiVerdictBase, map[string]any{"headline": long(201)}), 422, apiInvalid("headline", "must be at most 200 characters")},
				{"verdict without explanation", asEditor, "POST", apiPath("/claims/%d/verdicts", draft.ID), body(apiVerdictBase, map[string]any{"explanation": ""}), 422, apiInvalid("explanation", required)},
				{"a second open verdict", asEditor, "POST", apiPath("/claims/%d/verdicts", inReview.ID), body(apiVerdictBase, nil), 409, conflict},
				{"verdict on an unknown claim", asEditor, "POST", "/api/v1/claims/999999/verdicts", body(apiVerdictBase, nil), 404, notFound},
				{"revise to an unknown rating", asAuthor, "PATCH", apiPath("/verdicts/%d", open.ID), `{"rating":"pants"}`, 422, apiInvalid("rating", "is not on the rating scale")},
				{"revise someone else's verdict", asEditor, "PATCH", apiPath("/verdicts/%d", open.ID), `{"headline":"Mine now"}`, 403, forbidden},
				{"revise a published verdict", asAuthor, "PATCH", apiPath("/verdicts/%d", pubVerdict.ID), `{"headline":"Later"}`, 409, conflict},
				{"revise a verdict's status", asAuthor, "PATCH", apiPath("/verdicts/%d", open.ID), `{"status":"published"}`, 422, apiInvalid("status", unknown)},
				{"revise an unknown verdict", asAuthor, "PATCH", "/api/v1/verdicts/999999", `{"headline":"x"}`, 404, notFound},

				// Reviews.
				{"review with an unknown decision", asReviewer, "POST", apiPath("/verdicts/%d/reviews", open.ID), `{"decision":"maybe","version":1}`, 422, apiInvalid("decision", "must be approve or request_changes")},
				{"send back without a comment", asReviewer, "POST", apiPath("/verdicts/%d/reviews", open.ID), `{"decision":"request_changes","version":1}`, 422, apiInvalid("comment", required)},
				{"approve one's own verdict", asReviewer, "POST", apiPath("/verdicts/%d/reviews", ownByReviewer.ID), `{"decision":"approve","version":1}`, 403, forbidden},
				{"an editor reviews", asEditor, "POST", apiPath("/verdicts/%d/reviews", open.ID), `{"decision":"approve","version":1}`, 403, forbidden},
				{"review a published verdict again", asReviewer, "POST", apiPath("/verdicts/%d/reviews", pubVerdict.ID), `{"decision":"approve","version":1}`, 409, conflict},
				{"review an unknown verdict", asReviewer, "POST", "/api/v1/verdicts/999999/reviews", `{"decision":"approve","version":1}`, 404, notFound},

				// Corrections and retraction.
				{"correction of an unknown kind", asEditor, "POST", apiPath("/claims/%d/corrections", pub.ID), `{"kind":"rating_change","note":"x"}`, 422, apiInvalid("kind", "must be clarification or correction")},
				{"correction without note", asEditor, "POST", apiPath("/claims/%d/corrections", pub.ID), `{"kind":"correction"}`, 422, apiInvalid("note", required)},
				{"correction of a draft", asEditor, "POST", apiPath("/claims/%d/corrections", draft.ID), `{"kind":"correction","note":"x"}`, 409, conflict},
				{"correction of an unknown claim", asEditor, "POST", "/api/v1/claims/999999/corrections", `{"kind":"correction","note":"x"}`, 404, notFound},
				{"retract without note", asReviewer, "POST", apiPath("/claims/%d/retract", pub.ID), `{}`, 422, apiInvalid("note", required)},
				{"retract a draft", asReviewer, "POST", apiPath("/claims/%d/retract", draft.ID), `{"note":"x"}`, 409, conflict},
				{"retract an unknown claim", asReviewer, "POST", "/api/v1/claims/999999/retract", `{"note":"x"}`, 404, notFound},
				{"an editor retracts", asEditor, "POST", apiPath("/claims/%d/retract", pub.ID), `{"note":"x"}`, 403, forbidden},
				{"an editor retracts with a broken body", asEditor, "POST", apiPath("/claims/%d/retract", pub.ID), `{"colour":`, 403, forbidden},

				// Ratings.
				{"rating without label", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"label": apiLeaveOut{}}), 422, apiInvalid("label", required)},
				{"rating already on the scale", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"label": "False"}), 422, apiInvalid("label", "is already on the scale")},
				{"rating at position 0", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"position": 0}), 422, apiInvalid("position", "must be between 1 and 100")},
				{"rating at position 2.5", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"position": 2.5}), 422, apiInvalid("position", "must be a whole number")},
				{"rating ordered yes", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"ordered": "yes"}), 422, apiInvalid("ordered", "must be true or false")},
				{"rating with a slug", asAdmin, "POST", "/api/v1/ratings", body(apiRatingBase, map[string]any{"slug": "new"}), 422, apiInvalid("slug", unknown)},
				{"a reviewer adds a rating", asReviewer, "POST", "/api/v1/ratings", body(apiRatingBase, nil), 403, forbidden},
				{"change an unknown rating", asAdmin, "PATCH", "/api/v1/ratings/pants", `{"label":"Pants"}`, 404, notFound},
				{"empty a rating's label", asAdmin, "PATCH", "/api/v1/ratings/false", `{"label":""}`, 422, apiInvalid("label", required)},
				{"an editor changes a rating", asEditor, "PATCH", "/api/v1/ratings/false", `{"label":"Wrong"}`, 403, forbidden},

				// Reading the body.
				{"broken JSON", asEditor, "POST", "/api/v1/claims", `{"text":`, 400, badJSON},
				{"two objects", asEditor, "POST", "/api/v1/claims", `{} {}`, 400, badJSON},
				{"an array", asEditor, "POST", "/api/v1/claims", `[]`, 400, notObject},
				{"null", asEditor, "POST", "/api/v1/claims", `null`, 400, notObject},
				{"a string", asEditor, "POST", "/api/v1/claims", `"text"`, 400, notObject},
				{"an unknown field", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"colour": "red"}), 422, apiInvalid("colour", unknown)},
				{"a field in the wrong case", asEditor, "POST", "/api/v1/claims", body(apiClaimBase, map[string]any{"Summary": "x"}), 422, apiInvalid("Summary", unknown)},
				{"several bad fields at once", asEditor, "POST", "/api/v1/claims", `{"colour":"red","text":5,"said_at":true}`, 422, map[string]any{
					"error.code": "invalid", "error.fields.#": 3, "error.fields.colour": unknown, "error.fields.text": "must be a string", "error.fields.said_at": "must be a string"}},
				{"thirty unknown fields", asEditor, "POST", "/api/v1/claims", apiManyFields(30), 422, map[string]any{
					"error.code": "invalid", "error.fields.#": 20, "error.fields.f00": unknown, "error.fields.f19": unknown, "error.fields.f20": apiAbsent}},
				{"no token", asNone, "POST", "/api/v1/claims", body(apiClaimBase, nil), 401, apiFail("unauthorized", "A valid API token or session is required.")},
			}
			for _, tc := range cases {
				before := e.auditCount(t)
				r := e.call(t, tc.who, tc.method, tc.path, tc.body)
				apiExpect(t, tc.name, r, tc.status, tc.want)
				if after := e.auditCount(t); after != before {
					t.Errorf("%s: a refused request wrote %d audit events", tc.name, after-before)
				}
			}

			// Bodies that are not JSON, or too large, never reach the store.
			big := `{"text":"` + strings.Repeat("x", handlers.MaxBodyBytes) + `"}`
			media := apiFail("unsupported_media_type", "Send the body as application/json.")
			tooLarge := apiFail("too_large", "The request is larger than 1 MiB.")
			raw := []struct {
				name   string
				body   io.Reader
				ctype  string
				status int
				want   map[string]any
			}{
				{"plain text", strings.NewReader(body(apiClaimBase, nil)), "text/plain", 415, media},
				{"a form", strings.NewReader("text=x&summary=x&speaker=x"), "application/x-www-form-urlencoded", 415, media},
				{"JSON with a charset", strings.NewReader(`{"text":`), "application/json; charset=utf-8", 400, badJSON},
				{"an empty body", strings.NewReader(""), "application/json", 400, badJSON},
				{"too large", strings.NewReader(big), "application/json", 413, tooLarge},
				{"too large, chunked", &chunked{strings.NewReader(big)}, "application/json", 413, tooLarge},
			}
			for _, tc := range raw {
				before := e.auditCount(t)
				r := e.send(t, asEditor, "POST", "/api/v1/claims", tc.body, tc.ctype)
				apiExpect(t, tc.name, r, tc.status, tc.want)
				if after := e.auditCount(t); after != before {
					t.Errorf("%s: a refused request wrote %d audit events", tc.name, after-before)
				}
			}
		})
	}
}
