package webpage_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"claimtracker/webpage"
)

// The pages below are written for these tests: invented outlets, people
// and events.

// story is the body of a news page: navigation, the article, a footer.
const story = `<body>
<header><nav class="site-nav"><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe today</a></nav></header>
<main>
<article class="story">
<h1>Harbour bridge tolls to double, council says</h1>
<p class="byline">By Mina Okafor</p>
<div class="story-body">
<p>The council of Port Avery voted on Tuesday to double the tolls on the harbour bridge from next spring, in a session that ran late into the evening and drew a crowd of several hundred residents.</p>
<p>"The bridge has paid for itself twice over," councillor Dana Whitcombe said during the debate. "Every resident I have spoken to says the same thing: the tolls are high enough already."</p>
<p>The council's treasurer, Luis Ferrand, said the increase was needed to fund repairs to the bridge's deck, which engineers found to be corroding faster than expected during an inspection last year.</p>
<blockquote><p>We cannot keep the bridge open on the current budget.</p></blockquote>
<p>The new tolls take effect on 1 April. Residents can apply for a discount card at the town hall, and the council said it would review the charges again in two years' time.</p>
</div>
</article>
</main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Market day moves</a></li></ul></aside>
<footer><p>© Harbour Ledger. All rights reserved. Contact us. Privacy policy.</p></footer>
</body>`

func read(t *testing.T, head, body string) webpage.Article {
	t.Helper()
	u, _ := url.Parse("https://ledger.example/2023/11/14/bridge-tolls")
	a, err := webpage.Read("<!doctype html><html lang=en><head><meta charset=utf-8>"+head+"</head>"+body+"</html>", u)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func wantDate(t *testing.T, got time.Time, want string) {
	t.Helper()
	if got.IsZero() || got.Format("2006-01-02") != want {
		t.Errorf("published %v, want %s", got, want)
	}
}

// JSON-LD in an @graph, with its author and publisher given as @id
// references to other nodes, wins over OpenGraph and the <title>.
func TestWebpageJSONLDGraph(t *testing.T) {
	head := `<title>Bridge tolls to double | Harbour Ledger</title>
<meta property="og:title" content="Tolls to double (OpenGraph)">
<meta property="og:site_name" content="Ledger OG">
<meta property="article:published_time" content="2023-11-20T09:00:00Z">
<meta name="author" content="Meta Author">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://ledger.example/#website", "name": "Harbour Ledger website"},
  {"@type": "Organization", "@id": "https://ledger.example/#org", "name": "Harbour Ledger"},
  {"@type": "Person", "@id": "https://ledger.example/#mina", "name": "Mina Okafor", "url": "https://ledger.example/people/mina-okafor"},
  {"@type": "WebPage", "@id": "https://ledger.example/2023/11/14/bridge-tolls", "name": "Web page name"},
  {"@type": "NewsArticle", "@id": "https://ledger.example/2023/11/14/bridge-tolls#article",
   "headline": "Harbour bridge tolls to double, council&#8217;s vote shows",
   "author": [{"@id": "https://ledger.example/#mina"}, {"@type": "Person", "name": "Tomas Lind"}],
   "datePublished": "2023-11-14T23:30:00-05:00",
   "publisher": {"@id": "https://ledger.example/#org"}}
]}
</script>`
	a := read(t, head, story)
	if a.Title != "Harbour bridge tolls to double, council’s vote shows" {
		t.Errorf("title %q", a.Title)
	}
	if a.Author != "Mina Okafor, Tomas Lind" {
		t.Errorf("author %q", a.Author)
	}
	if a.Outlet != "Harbour Ledger" {
		t.Errorf("outlet %q", a.Outlet)
	}
	// The date where it was published, not in UTC (15 November).
	wantDate(t, a.Published, "2023-11-14")
	wantText(t, a.Text)
}

// wantText checks the main text of story: its paragraphs, one blank line
// between each, and none of the page around it.
func wantText(t *testing.T, text string) {
	t.Helper()
	for _, p := range []string{
		"The council of Port Avery voted on Tuesday to double the tolls on the harbour bridge from next spring, in a session that ran late into the evening and drew a crowd of several hundred residents.",
		`"The bridge has paid for itself twice over," councillor Dana Whitcombe said during the debate. "Every resident I have spoken to says the same thing: the tolls are high enough already."`,
		"We cannot keep the bridge open on the current budget.",
		"The new tolls take effect on 1 April. Residents can apply for a discount card at the town hall, and the council said it would review the charges again in two years' time.",
	} {
		if !strings.Contains("\n\n"+text+"\n\n", "\n\n"+p+"\n\n") {
			t.Errorf("text lacks the paragraph %q:\n%s", p, text)
		}
	}
	for _, junk := range []string{"Subscribe today", "Most read", "Ferry timetable", "All rights reserved"} {
		if strings.Contains(text, junk) {
			t.Errorf("text holds %q from around the article:\n%s", junk, text)
		}
	}
	if strings.Contains(text, "Mina Okafor") {
		t.Errorf("text holds the byline:\n%s", text)
	}
	if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		t.Errorf("paragraphs not separated by exactly one blank line:\n%q", text)
	}
}

// A page with OpenGraph but no JSON-LD: OpenGraph wins over the <title>
// and the meta author; article:author as a profile URL is not a name, so
// the meta author is taken.
func TestWebpageOpenGraphOnly(t *testing.T) {
	head := `<title>Something else entirely - Ledger</title>
<meta property="og:title" content="  Harbour bridge tolls
 to double  ">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-11-14T08:05:00+01:00">
<meta property="article:author" content="https://ledger.example/people/mina-okafor">
<meta name="author" content="Mina Okafor">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization", "name": "Not an article"}</script>
<script type="application/ld+json">{ this is not JSON }</script>`
	a := read(t, head, story)
	if a.Title != "Harbour bridge tolls to double" || a.Outlet != "Harbour Ledger" || a.Author != "Mina Okafor" {
		t.Errorf("got %q / %q / %q", a.Title, a.Outlet, a.Author)
	}
	wantDate(t, a.Published, "2023-11-14")
	wantText(t, a.Text)

	// An article:author that is a name is taken over the meta author.
	a = read(t, `<meta property="article:author" content="Tomas Lind"><meta name="author" content="Mina Okafor">`, story)
	if a.Author != "Tomas Lind" {
		t.Errorf("author %q", a.Author)
	}
}

// A page with neither JSON-LD nor OpenGraph: the date comes from its
// <time datetime>, the headline from what readability finds.
func TestWebpageTimeOnly(t *testing.T) {
	body := strings.Replace(story, `<p class="byline">`, `<p class="meta">Updated <time datetime="2023-12-01">1 December</time></p><p class="byline">`, 1)
	body = strings.Replace(body, `<div class="story-body">`, `<p class="dateline"><time datetime="2023-11-14T18:00">14 November 2023</time></p><div class="story-body">`, 1)
	a := read(t, `<title>Harbour bridge tolls to double, council says</title>`, body)
	// The first <time> is an update; without a datePublished or pubdate
	// mark, the first one is taken all the same.
	wantDate(t, a.Published, "2023-12-01")
	if a.Title != "Harbour bridge tolls to double, council says" {
		t.Errorf("title %q", a.Title)
	}
	if a.Outlet != "" {
		t.Errorf("outlet %q from nowhere", a.Outlet)
	}
	// The byline readability finds, without its "By".
	if a.Author != "Mina Okafor" {
		t.Errorf("author %q", a.Author)
	}
	wantText(t, a.Text)

	// One marked as the publication date wins over the first.
	marked := strings.Replace(body, `<time datetime="2023-11-14T18:00">`, `<time itemprop="datePublished" datetime="2023-11-14T18:00">`, 1)
	wantDate(t, read(t, "", marked).Published, "2023-11-14")
	marked = strings.Replace(body, `<time datetime="2023-11-14T18:00">`, `<time pubdate datetime="2023-11-14T18:00">`, 1)
	wantDate(t, read(t, "", marked).Published, "2023-11-14")
}

// JSON-LD as a top-level list, a ReportageNewsArticle whose @type is a
// list, authors as plain names, the publisher inline; dates in other forms.
func TestWebpageJSONLDList(t *testing.T) {
	head := `<script type="application/ld+json">
<!--
[{"@context": "https://schema.org", "@type": "BreadcrumbList", "name": "Crumbs"},
 {"@context": "https://schema.org", "@type": ["ReportageNewsArticle"], "name": "Bridge report",
  "author": ["Mina Okafor", "https://ledger.example/people/x", {"name": "Tomas Lind"}],
  "datePublished": "2023-11-14", "publisher": {"@type": "NewsMediaOrganization", "name": "Harbour Ledger"}}]
-->
</script>`
	a := read(t, head, story)
	if a.Title != "Bridge report" || a.Author != "Mina Okafor, Tomas Lind" || a.Outlet != "Harbour Ledger" {
		t.Errorf("got %q / %q / %q", a.Title, a.Author, a.Outlet)
	}
	wantDate(t, a.Published, "2023-11-14")

	for in, want := range map[string]string{
		"2023-11-14T23:30:00.123Z": "2023-11-14", "2023-11-14T23:30:00+0530": "2023-11-14", "2023-11-14 10:00:00": "2023-11-14",
		"November 14, 2023": "2023-11-14", "Tue, 14 Nov 2023 10:00:00 GMT": "2023-11-14",
	} {
		h := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"h","datePublished":"` + in + `"}</script>`
		wantDate(t, read(t, h, story).Published, want)
	}
	// An author named inline: readability takes it as the byline and
	// keeps the byline's paragraph, which is not article text, when it
	// stands among the paragraphs.
	h0 := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"h","author":{"@type":"Person","name":"Mina Okafor"}}</script>`
	a = read(t, h0, strings.NewReplacer(`<div class="story-body">`, "", "</div>\n</article>", "</article>").Replace(story))
	if a.Author != "Mina Okafor" {
		t.Errorf("author %q", a.Author)
	}
	wantText(t, a.Text)

	// A date that cannot be read falls through to the next source.
	h := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"h","datePublished":"soon"}</script>
<meta property="article:published_time" content="2023-11-13">`
	wantDate(t, read(t, h, story).Published, "2023-11-13")
}

// Text is cleaned: no control characters, white space collapsed, list
// items and line breaks their own paragraphs.
func TestWebpageTextParagraphs(t *testing.T) {
	body := `<body><article><h1>Council notes</h1>
<p>First paragraph of the council notes, long enough to count as the text of an article for the reader view, with\u0007 a bell\tand	tabs   and spaces.</p>
<p>Second paragraph, which goes on about the harbour, the ferry and the bridge, and what each of them costs the town every year in repairs.<br>After a line break.</p>
<ul><li>One item on the list</li><li>Another item on the list</li></ul>
<p>Third paragraph, the last, which says what happens next: a vote in the spring, after the residents have had their say at two meetings.</p>
</article></body>`
	body = strings.NewReplacer(`\u0007`, "\u0007", `\t`, "\t").Replace(body)
	a := read(t, "", body)
	for _, p := range []string{
		"First paragraph of the council notes, long enough to count as the text of an article for the reader view, with a bell and tabs and spaces.",
		"Second paragraph, which goes on about the harbour, the ferry and the bridge, and what each of them costs the town every year in repairs.",
		"After a line break.", "One item on the list", "Another item on the list",
	} {
		if !strings.Contains("\n\n"+a.Text+"\n\n", "\n\n"+p+"\n\n") {
			t.Errorf("text lacks the paragraph %q:\n%q", p, a.Text)
		}
	}
	if strings.ContainsAny(a.Text, "\u0007\t\r") {
		t.Errorf("control characters kept: %q", a.Text)
	}
}
