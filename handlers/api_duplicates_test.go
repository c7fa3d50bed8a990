package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"claimtracker/models"
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

// TestAPIDeleteDraftClaim: the author deletes a draft (204) and it is gone,
// with a record in the audit log; If-Match guards against a stale reading;
// a claim in review, published or retracted is a 409 and stays.
func TestAPIDeleteDraftClaim(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.draft(t, asEditor, "A draft logged twice")
			path := apiPath("/claims/%d", c.ID)
			e.must(t, 200, asEditor, "PATCH", path, `{"setting":"A rally"}`)
			apiExpect(t, "the author deletes the draft", e.call(t, asEditor, "DELETE", path, ""), 204, nil)
			apiExpect(t, "deleted claim", e.call(t, asEditor, "GET", path, ""), 404, apiFail("not_found", "There is nothing at this address."))
			apiExpect(t, "deleted again", e.call(t, asEditor, "DELETE", path, ""), 404, apiFail("not_found", "There is nothing at this address."))
			ev, err := e.store.AuditEvents(e.ctx(), models.AuditQuery{ObjectType: "claim", ObjectID: c.ID, Action: "claim.delete"})
			if err != nil || len(ev) != 1 || ev[0].Actor != "editor@example.org" || !strings.Contains(ev[0].Before, `"setting":"A rally"`) {
				t.Errorf("audit of the deletion: %+v %v", ev, err)
			}

			// If-Match: a stale tag is a 412 and deletes nothing; the current one deletes.
			d := e.draft(t, asEditor, "Another draft")
			dpath := apiPath("/claims/%d", d.ID)
			tag := e.must(t, 200, asEditor, "GET", dpath, "").header.Get("ETag")
			e.must(t, 200, asEditor, "PATCH", dpath, `{"setting":"A rally"}`)
			r := e.do(t, e.http, "DELETE", dpath, nil, map[string]string{"Authorization": "Bearer " + e.tokens[asEditor], "If-Match": tag})
			if r.status != 412 {
				t.Fatalf("DELETE with a stale If-Match: %d %s", r.status, r.body)
			}
			tag = e.must(t, 200, asEditor, "GET", dpath, "").header.Get("ETag")
			r = e.do(t, e.http, "DELETE", dpath, nil, map[string]string{"Authorization": "Bearer " + e.tokens[asEditor], "If-Match": tag})
			if r.status != 204 {
				t.Fatalf("DELETE with the current If-Match: %d %s", r.status, r.body)
			}

			// Never what is public, nor what waits for review.
			review := e.draft(t, asAuthor, "A claim in review")
			e.source(t, review.ID)
			e.verdict(t, asAuthor, review.ID)
			pub := e.published(t, "A published claim")
			for _, who := range []string{asAuthor, asAdmin} {
				apiExpect(t, "deleting a claim in review as "+who, e.call(t, who, "DELETE", apiPath("/claims/%d", review.ID), ""), 409, apiFail("conflict",
					"This claim is in review, so it cannot be deleted now. Once a reviewer sends its verdict back, it is being researched again and can be deleted."))
				apiExpect(t, "deleting a published claim as "+who, e.call(t, who, "DELETE", apiPath("/claims/%d", pub.ID), ""), 409, apiFail("conflict",
					"This claim has been published, so it cannot be deleted: what the public has seen stays. Retract it instead."))
			}
			e.must(t, 200, asReviewer, "POST", apiPath("/claims/%d/retract", pub.ID), `{"note":"Withdrawn."}`)
			apiExpect(t, "deleting a retracted claim", e.call(t, asAdmin, "DELETE", apiPath("/claims/%d", pub.ID), ""), 409, apiFail("conflict",
				"This claim has been published and retracted; its page stays online, so it cannot be deleted."))
			apiExpect(t, "the retracted claim stays", e.call(t, asEditor, "GET", apiPath("/claims/%d", pub.ID), ""), 200, map[string]any{"status": "retracted"})
		})
	}
}

// TestAPIDeleteArticle: whoever logged an article deletes it while no claim
// found in it is public; its drafts stay, unlinked. An article with a
// published claim is a 409.
func TestAPIDeleteArticle(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			a := e.article(t, asEditor, "Logged by mistake")
			draft := e.must(t, 201, asAuthor, "POST", "/api/v1/claims",
				fmt.Sprintf(`{"text":"The deficit fell by half","summary":"The deficit fell by half","speaker":"Pat Speaker","article_id":%d}`, a.ID))
			e.must(t, 204, asEditor, "DELETE", apiPath("/articles/%d", a.ID), "")
			apiExpect(t, "the draft stays, unlinked", e.call(t, asAuthor, "GET", apiPath("/claims/%d", draft.id(t, "id")), ""), 200,
				map[string]any{"article_id": nil, "text": "The deficit fell by half"})
			apiExpect(t, "deleted again", e.call(t, asEditor, "DELETE", apiPath("/articles/%d", a.ID), ""), 404, apiFail("not_found", "There is nothing at this address."))
			if ev, _ := e.store.AuditEvents(e.ctx(), models.AuditQuery{ObjectType: "article", ObjectID: a.ID, Action: "article.delete"}); len(ev) != 1 {
				t.Errorf("audit of the deletion: %+v", ev)
			}
			// The address may be logged again.
			e.must(t, 201, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(`{"url":%q,"title":"Logged again","text":"Some text."}`, a.URL))

			// Never once a claim found in it is published, nor retracted.
			b := e.article(t, asEditor, "Found a published claim")
			pubID := e.must(t, 201, asAuthor, "POST", "/api/v1/claims", fmt.Sprintf(
				`{"text":"Crime fell sharply last year","summary":"Crime fell sharply","speaker":"Pat Speaker","article_id":%d}`, b.ID)).id(t, "id")
			pub, err := e.store.GetClaim(e.ctx(), pubID)
			if err != nil {
				t.Fatal(err)
			}
			e.publish(t, pub)
			conflict := apiFail("conflict", fmt.Sprintf("Claim %d, found in this article, has been published, so the article cannot be deleted: "+
				"what the public has seen keeps the record of where it was found.", pubID))
			for _, who := range []string{asEditor, asAdmin} {
				apiExpect(t, "deleting an article with a published claim as "+who, e.call(t, who, "DELETE", apiPath("/articles/%d", b.ID), ""), 409, conflict)
			}
			e.must(t, 200, asReviewer, "POST", apiPath("/claims/%d/retract", pubID), `{"note":"Withdrawn."}`)
			apiExpect(t, "deleting an article with a retracted claim", e.call(t, asAdmin, "DELETE", apiPath("/articles/%d", b.ID), ""), 409, conflict)
			apiExpect(t, "the retracted claim keeps its article", e.call(t, asEditor, "GET", apiPath("/claims/%d", pubID), ""), 200,
				map[string]any{"article_id": b.ID, "status": "retracted"})
		})
	}
}
