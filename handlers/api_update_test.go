package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// openUpdate publishes a claim by the author and opens an update of it as
// the author.
func (e *apiEnv) openUpdate(t testing.TB, summary string) *models.ClaimUpdate {
	t.Helper()
	c := e.published(t, summary)
	u, err := e.store.OpenUpdate(e.ctx(), e.users[asAuthor], models.Meta{}, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// The update of a published fact-check through the API, as the desk does
// it: open, change the words and the sources, submit, review; the public
// claim, its ClaimReview and the versions show it only after approval.
func TestAPIUpdateOfPublishedFactCheck(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.published(t, "Crime fell by half")
			r := e.must(t, 201, asAuthor, "POST", apiPath("/claims/%d/updates", c.ID), "")
			id := r.id(t, "id")
			etag := r.header.Get("ETag")
			if r.str(t, "status") != "draft" || r.count(t, "sources") != 1 || r.count(t, "changes") != 0 || r.str(t, "verdict.rating") != "false" {
				t.Fatalf("a new update is not a copy of the published fact-check: %s", r.body)
			}
			if r := e.must(t, 409, asEditor, "POST", apiPath("/claims/%d/updates", c.ID), ""); !strings.Contains(r.body, "already has an open update") {
				t.Fatalf("a second update's 409 does not say why: %s", r.body)
			}
			srcID := r.id(t, "sources.0.source_id")

			body := `{"text":"Crime fell by almost half","sources":[{"source_id":` + apiItoa(srcID) + `,"url":"https://example.org/s","title":"S","kind":"other","stance":"context"},` +
				`{"url":"https://example.org/new","title":"City statistics 2024","kind":"dataset","stance":"contradicts","excerpt":"-41%"}],"note":"We corrected the quote and added the city's figures."}`
			e.send(t, asAuthor, "PATCH", apiPath("/updates/%d", id), strings.NewReader(body), "application/json") // no If-Match: applies
			r = e.must(t, 200, asAuthor, "GET", apiPath("/updates/%d", id), "")
			if r.count(t, "changes") != 3 || r.count(t, "sources") != 2 || r.str(t, "changes.2.field") != "Source added" {
				t.Fatalf("update after the patch: %s", r.body)
			}
			// The ETag read before the patch is stale now.
			stale := e.callWith(t, asAuthor, "PATCH", apiPath("/updates/%d", id), `{"setting":"x"}`, map[string]string{"If-Match": etag})
			if stale.status != http.StatusPreconditionFailed {
				t.Fatalf("a stale If-Match: %d %s", stale.status, stale.body)
			}
			e.must(t, 422, asAuthor, "PATCH", apiPath("/updates/%d", id), `{"sources":[{"url":"https://example.org/x","title":"X","kind":"other","stance":"context","color":"red"}]}`)
			r = e.must(t, 200, asAuthor, "POST", apiPath("/updates/%d/submit", id), "")
			vid := r.id(t, "verdict_id")
			if r.str(t, "status") != "submitted" {
				t.Fatalf("submitted update: %s", r.body)
			}
			pub := e.get(t, e.http, "/claims/"+c.Slug)
			if strings.Contains(pub.body, "almost half") || strings.Contains(pub.body, "City statistics") {
				t.Fatal("the public page shows the update before it was approved")
			}
			e.must(t, 403, asAuthor, "POST", apiPath("/verdicts/%d/reviews", vid), `{"decision":"approve","version":1}`)
			e.must(t, 201, asReviewer, "POST", apiPath("/verdicts/%d/reviews", vid), `{"decision":"approve","version":1}`)
			pub = e.get(t, e.http, "/claims/"+c.Slug)
			for _, want := range []string{"almost half", "City statistics 2024", "We corrected the quote", `"dateModified"`} {
				if !strings.Contains(pub.body, want) {
					t.Errorf("the updated public page lacks %q", want)
				}
			}
			r = e.must(t, 200, asEditor, "GET", apiPath("/claims/%d/versions", c.ID), "")
			if r.count(t, "versions") != 2 || r.str(t, "versions.1.note") != "We corrected the quote and added the city's figures." {
				t.Fatalf("published versions: %s", r.body)
			}
			r = e.must(t, 200, asEditor, "GET", apiPath("/claims/%d", c.ID), "")
			if r.str(t, "text") != "Crime fell by almost half" || r.count(t, "sources") != 2 || r.str(t, "corrections.0.kind") != "update" {
				t.Fatalf("the claim after the update: %s", r.body)
			}
			e.must(t, 409, asAuthor, "PATCH", apiPath("/updates/%d", id), `{"note":"again"}`)
			e.must(t, 404, asAuthor, "GET", apiPath("/updates/%d", 999999), "")
		})
	}
}

// A kept source sent with only some members keeps the others, as the
// docs' example does; a withdrawal names the revision it was read at.
func TestAPIUpdateKeepsWhatASourceLeavesOutAndWithdrawsWithIfMatch(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			u := e.openUpdate(t, "Crime fell by half")
			src := u.Sources[0]
			if src.Outlet == "" || src.Excerpt == "" {
				t.Fatalf("the test source has no outlet or excerpt: %+v", src)
			}
			r := e.must(t, 200, asAuthor, "PATCH", apiPath("/updates/%d", u.ID), `{"sources":[{"source_id":`+apiItoa(src.SourceID)+`,"title":"A better title"}]}`)
			if r.str(t, "sources.0.outlet") != src.Outlet || r.str(t, "sources.0.excerpt") != src.Excerpt || r.str(t, "sources.0.title") != "A better title" {
				t.Fatalf("a kept source lost what it left out: %s", r.body)
			}
			etag := r.header.Get("ETag")
			e.must(t, 200, asAuthor, "PATCH", apiPath("/updates/%d", u.ID), `{"setting":"A rally"}`)
			if got := e.callWith(t, asAuthor, "DELETE", apiPath("/updates/%d", u.ID), "", map[string]string{"If-Match": etag}); got.status != http.StatusPreconditionFailed {
				t.Fatalf("a withdrawal with a stale If-Match: %d %s", got.status, got.body)
			}
			if got := e.callWith(t, asAuthor, "DELETE", apiPath("/updates/%d", u.ID), "", map[string]string{"If-Match": "garbage"}); got.status != http.StatusBadRequest {
				t.Fatalf("a withdrawal with a malformed If-Match: %d", got.status)
			}
			if st := e.must(t, 200, asAuthor, "GET", apiPath("/updates/%d", u.ID), "").str(t, "status"); st != "draft" {
				t.Fatalf("a refused withdrawal changed the update: %s", st)
			}
			cur := e.must(t, 200, asAuthor, "GET", apiPath("/updates/%d", u.ID), "").header.Get("ETag")
			if got := e.callWith(t, asAuthor, "DELETE", apiPath("/updates/%d", u.ID), "", map[string]string{"If-Match": cur}); got.status != http.StatusNoContent {
				t.Fatalf("a withdrawal with the current If-Match: %d %s", got.status, got.body)
			}
		})
	}
}
