package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// TestDeskSimilarShowsTheSameWordsFirst: the desk scores similar claims as
// the API does, on the words alone: the same quotation logged again under
// another summary lists the first claim first as "the same words", on the
// claim's page and in the form's live list.
func TestDeskSimilarShowsTheSameWordsFirst(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			near := claimForm()
			near.Set("text", "I did not have communications with the Russians, and I did not meet them either")
			near.Set("summary", "Sessions denied meeting the Russians")
			nearID := e.created(t, e.ed, "/desk/claims", near)
			first := e.newClaim(t)
			again := claimForm()
			again.Set("text", "“I did not have communications with the Russians”")
			again.Set("summary", "Nominee's sworn answer at the January 2017 hearing")
			twin := e.created(t, e.other, "/desk/claims", again)

			body := e.page(t, e.other, claimPath(twin), http.StatusOK)
			frag := e.page(t, e.other, "/desk/claims/similar?exclude="+idStr(twin)+"&text="+url.QueryEscape(again.Get("text")), http.StatusOK)
			for what, b := range map[string]string{"claim page": body, "live list": frag} {
				firstAt := strings.Index(b, `href="/desk/claims/`+idStr(first)+`"`)
				nearAt := strings.Index(b, `href="/desk/claims/`+idStr(nearID)+`"`)
				if firstAt < 0 || nearAt < 0 || firstAt > nearAt {
					t.Errorf("%s: the same words (claim %d at %d) do not come before the near one (claim %d at %d)", what, first, firstAt, nearID, nearAt)
				}
				mustContain(t, what, b, `<bdi>Jeff Sessions</bdi> · <strong>the same words</strong>`, "99% of the words match")
			}
		})
	}
}

// articleAt is a valid new-article form for an article at address.
func articleAt(address string) url.Values {
	return with(articleForm(testArticle), "url", address)
}

// TestDeskArticleAtALoggedAddressWarns: logging an article whose address
// is already logged, written another way, is not saved: the form comes
// back with the editor's input, a warning that links to the article
// logged there and a button that logs it again on purpose; that article's
// page then names the other. Fetching a logged address warns as well.
func TestDeskArticleAtALoggedAddressWarns(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			e := newDeskEnv(t, engine, fetchLoopback)
			first := e.created(t, e.ed, "/desk/articles", articleAt("https://www.example.com/2017/03/02/sessions-russia"))
			again := articleAt("http://Example.com/2017/03/02/sessions-russia/?utm_source=newsletter&fbclid=abc#top")
			again.Set("title", "Sessions faces calls to step aside")
			r := e.mustPost(t, e.other, "/desk/articles", again, http.StatusConflict, "")
			mustContain(t, "warning", r.body, `<div class="alert warn" role="alert" id="already-logged">`, "This article is already logged.",
				`<a href="/desk/articles/`+idStr(first)+`" dir="auto">Senate testimony under scrutiny</a>`,
				`<button class="btn secondary" type="submit" name="duplicate" value="allow">Log it again anyway</button>`,
				`value="Sessions faces calls to step aside"`, `value="http://Example.com/2017/03/02/sessions-russia/?utm_source=newsletter&amp;fbclid=abc#top"`)
			if n, _ := e.store.ListArticles(t.Context(), 10); len(n) != 1 {
				t.Fatalf("%d articles after the warning, want 1", len(n))
			}
			if fresh := e.page(t, e.other, "/desk/articles/new", http.StatusOK); strings.Contains(fresh, "already-logged") {
				t.Error("a blank form warns")
			}

			second := e.created(t, e.other, "/desk/articles", with(again, "duplicate", "allow"))
			body := e.page(t, e.other, "/desk/articles/"+idStr(second), http.StatusOK)
			mustContain(t, "article logged again", body, `id="also-logged"`, "Also logged at this address:",
				`<a href="/desk/articles/`+idStr(first)+`" dir="auto">Senate testimony under scrutiny</a>`)

			// Fetching a logged address fills the form and warns.
			e.created(t, e.ed, "/desk/articles", articleAt(site.story()))
			fetched := e.mustPost(t, e.other, "/desk/articles", url.Values{"url": {site.story() + "?utm_campaign=x"}, "fetch": {"1"}}, http.StatusOK, "")
			mustContain(t, "fetched form", fetched.body, "This article is already logged.", `value="Sessions met Russian envoy twice"`, "Log it again anyway")
		})
	}
}

// TestDeskDeleteDraftClaim: a draft's author sees the deletion form; the
// box must be ticked, a stale page deletes nothing, and a confirmed
// deletion removes the claim and says so. Others, and published claims,
// have no such form, and a published claim refuses deletion.
func TestDeskDeleteDraftClaim(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			action := claimPath(id) + "/delete"
			page := e.page(t, e.ed, claimPath(id), http.StatusOK)
			mustContain(t, "author's page", page, `<summary>Delete this draft</summary>`, `action="`+action+`"`,
				`<button class="btn danger" type="submit">Delete the draft</button>`)
			if other := e.page(t, e.other, claimPath(id), http.StatusOK); strings.Contains(other, `action="`+action+`"`) {
				t.Error("another editor is offered the deletion")
			}
			mustContain(t, "admin's page", e.page(t, e.admin, claimPath(id), http.StatusOK), `action="`+action+`"`)
			rev := hidden(t, page, action, "revision")

			unticked := e.mustPost(t, e.ed, action, url.Values{"revision": {rev}}, http.StatusUnprocessableEntity, "")
			fieldError(t, unticked.body, "delete-confirm", "Delete for good must be ticked: a deletion cannot be undone")
			mustContain(t, "unticked", unticked.body, `<details class="card more danger-zone" open>`)
			e.mustPost(t, e.other, action, url.Values{"revision": {rev}, "confirm": {"true"}}, http.StatusForbidden, "")

			f := claimForm()
			f.Set("setting", "Senate Judiciary Committee")
			f.Set("revision", rev)
			e.mustPost(t, e.other, claimPath(id), f, http.StatusSeeOther, "")
			stale := e.mustPost(t, e.ed, action, url.Values{"revision": {rev}, "confirm": {"true"}}, http.StatusConflict, "")
			mustContain(t, "stale", stale.body, "Someone changed this claim after you opened this page, so it was not deleted.", "Senate Judiciary Committee")

			rev = hidden(t, stale.body, action, "revision")
			e.mustPost(t, e.ed, action, url.Values{"revision": {rev}, "confirm": {"true"}}, http.StatusSeeOther, "/desk/claims?done=claim-deleted")
			mustContain(t, "list", e.page(t, e.ed, "/desk/claims?done=claim-deleted", http.StatusOK), "Draft deleted. The audit log keeps a record of it.")
			e.page(t, e.ed, claimPath(id), http.StatusNotFound)

			pub := e.newClaim(t)
			e.publish(t, pub)
			if body := e.page(t, e.admin, claimPath(pub), http.StatusOK); strings.Contains(body, "Delete this draft") {
				t.Error("a published claim offers deletion")
			}
			e.mustPost(t, e.admin, claimPath(pub)+"/delete", url.Values{"revision": {"1"}, "confirm": {"true"}}, http.StatusConflict, "")
			e.page(t, e.admin, claimPath(pub), http.StatusOK)
		})
	}
}

// TestDeskDeleteArticle: whoever logged an article deletes it, confirming
// with the box, while no claim found in it is public; its drafts stay.
func TestDeskDeleteArticle(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			a := e.created(t, e.ed, "/desk/articles", articleAt("https://example.com/2017/03/02/sessions-russia"))
			f := claimForm()
			f.Set("article_id", idStr(a))
			draft := e.created(t, e.other, "/desk/claims", f)
			action := "/desk/articles/" + idStr(a) + "/delete"
			page := e.page(t, e.ed, "/desk/articles/"+idStr(a), http.StatusOK)
			mustContain(t, "author's page", page, `<summary>Delete this article</summary>`, `action="`+action+`"`,
				"The claims logged from it stay, no longer linked to it.")
			if other := e.page(t, e.other, "/desk/articles/"+idStr(a), http.StatusOK); strings.Contains(other, `action="`+action+`"`) {
				t.Error("another editor is offered the deletion")
			}
			unticked := e.mustPost(t, e.ed, action, url.Values{}, http.StatusUnprocessableEntity, "")
			fieldError(t, unticked.body, "delete-confirm", "Delete for good must be ticked: a deletion cannot be undone")
			e.mustPost(t, e.other, action, url.Values{"confirm": {"true"}}, http.StatusForbidden, "")
			e.mustPost(t, e.ed, action, url.Values{"confirm": {"true"}}, http.StatusSeeOther, "/desk/articles?done=article-deleted")
			mustContain(t, "list", e.page(t, e.ed, "/desk/articles?done=article-deleted", http.StatusOK), "Article deleted.")
			e.page(t, e.ed, "/desk/articles/"+idStr(a), http.StatusNotFound)
			if body := e.page(t, e.other, claimPath(draft), http.StatusOK); strings.Contains(body, "The article it came from") {
				t.Error("the draft still links to the deleted article")
			}
			mustContain(t, "the draft's history", e.page(t, e.other, claimPath(draft)+"/history", http.StatusOK),
				"deleted the article the claim was found in", "Senate testimony under scrutiny")

			b := e.created(t, e.ed, "/desk/articles", articleAt("https://example.com/2017/03/03/sessions-recuses"))
			f.Set("article_id", idStr(b))
			f.Set("text", "I have no idea what this allegation is about")
			f.Set("summary", "Sessions said he had no idea what the allegation was about")
			pub := e.created(t, e.ed, "/desk/claims", f)
			e.publish(t, pub)
			if body := e.page(t, e.admin, "/desk/articles/"+idStr(b), http.StatusOK); strings.Contains(body, "Delete this article") {
				t.Error("an article with a published claim offers deletion")
			}
			e.mustPost(t, e.admin, "/desk/articles/"+idStr(b)+"/delete", url.Values{"confirm": {"true"}}, http.StatusConflict, "")
		})
	}
}
