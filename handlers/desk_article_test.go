package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

func articleForm(text string) url.Values {
	return url.Values{
		"url": {"https://news.example.com/2017/03/02/sessions"}, "title": {"Senate testimony under scrutiny"},
		"outlet": {"Example News"}, "author": {"A. Reporter"}, "published_at": {"2017-03-02"}, "text": {text},
	}
}

func TestDeskArticleIntakeHighlightsCandidates(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			form := e.page(t, e.ed, "/desk/articles/new", http.StatusOK)
			mustContain(t, "intake form", form, `<form class="form" method="post" action="/desk/articles">`, `id="f-text"`, `type="date"`)

			r := e.post(t, e.ed, "/desk/articles", articleForm(testArticle))
			if r.status != http.StatusSeeOther || !strings.HasSuffix(r.header.Get("Location"), "?done=article-logged") {
				t.Fatalf("create: %d → %q", r.status, r.header.Get("Location"))
			}
			body := e.page(t, e.ed, r.header.Get("Location"), http.StatusOK)
			mustContain(t, "article page", body,
				"Article logged. The candidate claims are highlighted below.",
				`<h1 dir="auto">Senate testimony under scrutiny</h1>`, "Example News", "published 2 March 2017",
				`<mark id="m-1">I did not have communications with the Russians</mark>`,
				`<a class="mark-ref" href="#cand-1" aria-label="Candidate 1">1</a>`,
				`<li class="card candidate" id="cand-1">`, "Direct quote", "Reported claim", "Jeff Sessions", "10 Jan 2017",
				`<form method="get" action="/desk/claims/new">`,
				`<input type="hidden" name="text" value="I did not have communications with the Russians">`,
				`<input type="hidden" name="said_at" value="2017-01-10">`,
				`<input type="hidden" name="speaker" value="Jeff Sessions">`,
				"Log this claim",
			)
			// The text around the highlights is kept exactly, paragraphs and all.
			mustContain(t, "article text", body, "\n\nThe Washington Post reported on 1 March 2017 that ")

			// The one-click button opens the claim form pre-filled.
			id := idInPath.FindStringSubmatch(r.header.Get("Location"))[1]
			prefilled := e.page(t, e.ed, "/desk/claims/new?article_id="+id+"&text="+url.QueryEscape(sworn)+
				"&summary="+url.QueryEscape(sworn)+"&speaker=Jeff+Sessions&said_at=2017-01-10", http.StatusOK)
			mustContain(t, "prefilled claim form", prefilled,
				`<input type="hidden" name="article_id" value="`+id+`">`,
				">"+sworn+"</textarea>", `value="Jeff Sessions"`, `value="2017-01-10"`,
				"Senate testimony under scrutiny", "47 / 75")

			// Logging it marks the candidate as logged on the article page.
			f := claimForm()
			f.Set("article_id", id)
			claimID := e.created(t, e.ed, "/desk/claims", f)
			again := e.page(t, e.ed, "/desk/articles/"+id, http.StatusOK)
			mustContain(t, "article after logging", again, "Logged as <a href=\""+claimPath(claimID)+"\">", "Logged from this article")

			list := e.page(t, e.ed, "/desk/articles", http.StatusOK)
			mustContain(t, "article list", list, `<a href="/desk/articles/`+id+`" dir="auto">Senate testimony under scrutiny</a>`, "2 Mar 2017")
		})
	}
}

func TestDeskArticleFormErrorsKeepInput(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			f := articleForm(testArticle)
			f.Set("url", "ftp://example.com/x")
			f.Set("title", "")
			f.Set("published_at", "2 March")
			r := e.mustPost(t, e.ed, "/desk/articles", f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-url", "Address of the article must be an http or https URL")
			fieldError(t, r.body, "f-title", "Headline is required")
			fieldError(t, r.body, "f-published_at", "Published on must be a date like 2017-01-10")
			mustContain(t, "refused article", r.body, "Please correct the fields marked below.",
				`value="ftp://example.com/x"`, `value="Example News"`, "it is false,&#34; he said.</textarea>")
			if n, _ := e.store.ListArticles(t.Context(), 10); len(n) != 0 {
				t.Fatalf("a refused form logged %d articles", len(n))
			}
		})
	}
}

func TestDeskArticleUnknownIs404(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			for _, path := range []string{"/desk/articles/999999", "/desk/articles/abc", "/desk/articles/0"} {
				body := e.page(t, e.ed, path, http.StatusNotFound)
				mustContain(t, path, body, "There is nothing at this address.")
			}
		})
	}
}

// Article text is shown as text: markup inside a highlighted quotation is
// escaped, never run.
func TestDeskArticleHighlightsAreEscaped(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			text := "Mallory Smith posted a line on 3 March 2017. \"<script>alert(1)</script> is only a test,\" Smith said. <b onmouseover=alert(2)>bold</b>"
			r := e.mustPost(t, e.ed, "/desk/articles", articleForm(text), http.StatusSeeOther, "")
			body := e.page(t, e.ed, r.header.Get("Location"), http.StatusOK)
			mustContain(t, "escaped article", body,
				`<mark id="m-1">&lt;script&gt;alert(1)&lt;/script&gt; is only a test</mark>`,
				`&lt;b onmouseover=alert(2)&gt;bold&lt;/b&gt;`,
				`<input type="hidden" name="text" value="&lt;script&gt;alert(1)&lt;/script&gt; is only a test">`)
			for _, raw := range []string{"<script>alert(1)", "<b onmouseover"} {
				if strings.Contains(body, raw) {
					t.Errorf("article page contains raw %q", raw)
				}
			}
		})
	}
}
