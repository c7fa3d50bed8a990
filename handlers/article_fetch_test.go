package handlers_test

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"claimtracker/fetcher"
	"claimtracker/handlers"
	"claimtracker/models/modelstest"
)

// fetchedStory is an article's page, written for these tests in this
// project's own words: the seed case as a news site would publish it, in
// windows-1252 with its charset in a <meta>, with JSON-LD metadata and
// navigation around the text.
var fetchedStory = `<!doctype html>
<html lang="en"><head>
<meta charset="windows-1252">
<title>Sessions met Russian envoy twice | Example Nouvelles</title>
<meta property="og:title" content="Sessions met envoy (social title)">
<meta property="og:site_name" content="Example Nouvelles">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "@id": "#publisher", "name": "Example Nouvelles – Édition"},
 {"@type": "NewsArticle", "headline": "Sessions met Russian envoy twice", "author": {"@type": "Person", "name": "A. Reporter"},
  "datePublished": "2017-03-02T06:00:00-05:00", "publisher": {"@id": "#publisher"}}]}</script>
</head><body>
<nav><a href="/">Front page</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav>
<article><h1>Sessions met Russian envoy twice</h1>
<p>` + strings.ReplaceAll(strings.TrimSpace(apiSeedArticle), "\n\n", "</p>\n<p>") + `</p>
<p>The Justice Department said the meetings were part of his work as a senator, and that he had not discussed the campaign with the ambassador.</p>
</article>
<footer>© Example Nouvelles – all rights reserved</footer>
</body></html>`

// articleSite serves pages for the app to fetch: the story (in
// windows-1252), a picture, a missing page, and a redirect into the cloud
// metadata address. It counts the requests for the story.
type articleSite struct {
	*httptest.Server
	storyHits atomic.Int64
}

func newArticleSite(t *testing.T) *articleSite {
	t.Helper()
	story, err := charmap.Windows1252.NewEncoder().String(fetchedStory)
	if err != nil {
		t.Fatal(err)
	}
	s := &articleSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2017/03/02/sessions":
			s.storyHits.Add(1)
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, story)
		case "/photo.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *articleSite) story() string { return s.URL + "/2017/03/02/sessions" }

// fetchLoopback lets the app fetch the tests' local sites.
func fetchLoopback(cfg *handlers.Config) {
	cfg.Fetcher = fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
}

// articleCount is how many articles the store holds.
func (ts *testServer) articleCount(t *testing.T) int {
	t.Helper()
	list, err := ts.store.ListArticles(t.Context(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// A URL alone is enough: the server fetches the page, fills in the text
// and the metadata, and finds the candidates in the fetched text.
func TestAPIArticleFromURL(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			e := newAPIEnv(t, engine, fetchLoopback)
			r := e.must(t, 201, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(`{"url": %q}`, site.story()))
			apiExpect(t, "article from its URL", r, 201, map[string]any{
				"id": apiID, "url": site.story(), "title": "Sessions met Russian envoy twice",
				"outlet": "Example Nouvelles – Édition", "author": "A. Reporter", "published_at": "2017-03-02",
				"created_at": apiStamp, "fetched.url": site.story(), "fetched.fetched_at": apiStamp,
			})
			text := r.str(t, "fetched.text")
			for _, p := range strings.Split(strings.TrimSpace(apiSeedArticle), "\n\n") {
				if !strings.Contains("\n\n"+text+"\n\n", "\n\n"+p+"\n\n") {
					t.Errorf("fetched text lacks the paragraph %q:\n%s", p, text)
				}
			}
			if strings.Contains(text, "Subscribe now") || strings.Contains(text, "all rights reserved") {
				t.Errorf("fetched text holds the page around the article:\n%s", text)
			}
			var found bool
			for i := range r.count(t, "candidates") {
				c := r.at(t, fmt.Sprintf("candidates.%d", i))
				if c.str(t, "quote") != apiSwornQuote {
					continue
				}
				found = true
				apiExpect(t, "sworn candidate", c, 201, map[string]any{"speaker": "Jeff Sessions", "said_at": "2017-01-10", "kind": "quote"})
				if got := text[c.id(t, "start"):c.id(t, "end")]; got != apiSwornQuote {
					t.Errorf("fetched text[start:end] = %q", got)
				}
			}
			if !found {
				t.Errorf("the sworn quote is not a candidate: %s", r.body)
			}
			a, err := e.store.GetArticle(t.Context(), r.id(t, "id"))
			if err != nil {
				t.Fatal(err)
			}
			if a.Body != text || a.Title != "Sessions met Russian envoy twice" {
				t.Errorf("stored %q / %q", a.Title, a.Body)
			}

			// Pasted text is not fetched, and the answer says nothing of a
			// fetch (the same address, logged again on purpose).
			pasted := e.must(t, 201, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(`{"url": %q, "title": "Pasted", "text": "Some text.", "allow_duplicate": true}`, site.story()))
			apiExpect(t, "pasted article", pasted, 201, map[string]any{"fetched": apiAbsent, "title": "Pasted"})
			if n := site.storyHits.Load(); n != 1 {
				t.Errorf("the story was fetched %d times, want 1", n)
			}
		})
	}
}

// The fields the client sends win over the page's; empty ones are filled.
func TestAPIArticleFromURLClientFieldsWin(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			e := newAPIEnv(t, engine, fetchLoopback)
			r := e.must(t, 201, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(
				`{"url": %q, "title": "Our own headline", "outlet": "", "author": null, "published_at": "2017-03-03"}`, site.story()))
			apiExpect(t, "client's fields", r, 201, map[string]any{
				"title": "Our own headline", "outlet": "Example Nouvelles – Édition", "author": "A. Reporter", "published_at": "2017-03-03",
			})
		})
	}
}

// A page that cannot be fetched is a 422 naming url and the reason, and
// nothing is saved.
func TestAPIArticleFetchFailuresSaveNothing(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			open := newAPIEnv(t, engine, fetchLoopback)
			closed := newAPIEnv(t, engine) // the default fetcher: public addresses only
			cases := []struct {
				name   string
				env    *apiEnv
				url    string
				reason string
				why    string
			}{
				{"loopback not allowed", closed, site.story(), "refused address", "leads to 127.0.0.1, a loopback address, which is not fetched"},
				{"redirect to the metadata address", open, site.URL + "/to-metadata", "refused address",
					"was redirected to http://169.254.169.254/latest/meta-data/, which leads to 169.254.169.254, a link-local address (RFC 3927), which is not fetched"},
				{"a picture", open, site.URL + "/photo.png", "not HTML", "is image/png, not an HTML page"},
				{"a missing page", open, site.URL + "/gone", "bad status", "answered 404 Not Found"},
				{"a file URL", open, "file:///etc/passwd", "", "must be an http or https URL"},
			}
			for _, tc := range cases {
				before := tc.env.articleCount(t)
				r := tc.env.must(t, 422, asEditor, "POST", "/api/v1/articles", fmt.Sprintf(`{"url": %q, "outlet": "Kept?"}`, tc.url))
				want := map[string]any{"error.code": "invalid", "error.fields.url": tc.why, "error.fields.#": 1}
				if tc.reason != "" {
					want["error.reason"] = tc.reason
					want["error.message"] = "The page at url could not be fetched (" + tc.reason + ")."
				} else {
					want["error.reason"] = apiAbsent
				}
				apiExpect(t, tc.name, r, 422, want)
				if after := tc.env.articleCount(t); after != before {
					t.Errorf("%s: %d articles before, %d after", tc.name, before, after)
				}
			}
			if n := site.storyHits.Load(); n != 0 {
				t.Errorf("a refused address was fetched %d times", n)
			}
		})
	}
}

// The desk's new-article form has a "Fetch from URL" button that shows the
// form again filled from the page, keeping what the editor typed; a page
// that cannot be fetched is the URL field's error, the input kept.
func TestDeskArticleFetchPrefillsForm(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			e := newDeskEnv(t, engine, fetchLoopback)
			form := e.page(t, e.ed, "/desk/articles/new", http.StatusOK)
			mustContain(t, "new-article form", form,
				`<button class="btn secondary" type="submit" name="fetch" value="1" formnovalidate>Fetch from URL</button>`)

			f := url.Values{"url": {site.story()}, "title": {""}, "outlet": {""}, "author": {"Desk Writer"}, "published_at": {""}, "text": {""}, "fetch": {"1"}}
			r := e.mustPost(t, e.ed, "/desk/articles", f, http.StatusOK, "")
			mustContain(t, "fetched form", r.body,
				`value="`+site.story()+`"`, `value="Sessions met Russian envoy twice"`, `value="Example Nouvelles – Édition"`,
				`value="Desk Writer"`, `value="2017-03-02"`,
				html.EscapeString(`Testifying under oath at his Senate confirmation hearing on January 10, Sessions told senators: "I did not have communications with the Russians."`),
				"Filled in from the page: headline, outlet, date and text. Check them before you save.")
			if strings.Contains(r.body, `value="A. Reporter"`) {
				t.Error("the page's author replaced the one typed")
			}
			if n := e.articleCount(t); n != 0 {
				t.Fatalf("fetching saved %d articles", n)
			}

			// The form as shown, saved, logs the article.
			text := r.body[strings.Index(r.body, `name="text"`):]
			text = html.UnescapeString(text[strings.Index(text, ">")+1 : strings.Index(text, "</textarea>")])
			save := url.Values{"url": {site.story()}, "title": {"Sessions met Russian envoy twice"}, "outlet": {"Example Nouvelles – Édition"},
				"author": {"Desk Writer"}, "published_at": {"2017-03-02"}, "text": {text}}
			saved := e.mustPost(t, e.ed, "/desk/articles", save, http.StatusSeeOther, "")
			body := e.page(t, e.ed, saved.header.Get("Location"), http.StatusOK)
			mustContain(t, "article from the fetched form", body, `<mark id="m-1">`, apiSwornQuote, "Jeff Sessions")

			// A page that is not HTML: the error is next to the URL field.
			f = url.Values{"url": {site.URL + "/photo.png"}, "title": {""}, "outlet": {"Typed Outlet"}, "text": {"Typed text"}, "fetch": {"1"}}
			r = e.mustPost(t, e.ed, "/desk/articles", f, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-url", "Address of the article is image/png, not an HTML page")
			mustContain(t, "refused fetch", r.body, "Please correct the fields marked below.",
				`value="`+site.URL+`/photo.png"`, `value="Typed Outlet"`, ">Typed text</textarea>")
			if n := e.articleCount(t); n != 1 {
				t.Fatalf("%d articles, want the one saved", n)
			}
		})
	}
}

func TestDeskArticleFetchRefusedAddress(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			site := newArticleSite(t)
			e := newDeskEnv(t, engine) // the default fetcher: public addresses only
			for _, tc := range []struct{ url, why string }{
				{site.story(), "Address of the article leads to 127.0.0.1, a loopback address, which is not fetched"},
				{"", "Address of the article is required to fetch the article"},
				{"ftp://example.com/story", "Address of the article must be an http or https URL"},
			} {
				f := url.Values{"url": {tc.url}, "title": {"Typed headline"}, "text": {""}, "fetch": {"1"}}
				r := e.mustPost(t, e.ed, "/desk/articles", f, http.StatusUnprocessableEntity, "")
				fieldError(t, r.body, "f-url", tc.why)
				mustContain(t, "refused fetch", r.body, `value="Typed headline"`)
			}
			if n := site.storyHits.Load(); n != 0 {
				t.Errorf("a refused address was fetched %d times", n)
			}
			if n := e.articleCount(t); n != 0 {
				t.Fatalf("%d articles saved", n)
			}
		})
	}
}
