// Package webpage reads a news article out of an HTML page: its main text,
// found by go-readability (a port of the readability algorithm that
// browsers' reader views use), and its headline, outlet, author and date
// from the metadata that publishers put in their pages for search engines
// and link previews.
//
// Each piece of metadata is taken from the first source that gives it, in
// this order:
//  1. schema.org JSON-LD: the first NewsArticle, Article, ReportageNewsArticle
//     or other article type, also inside @graph lists, with @id references
//     resolved (headline, author names, datePublished, publisher.name);
//  2. OpenGraph: og:title, og:site_name, article:published_time, and
//     article:author when it is a name rather than a profile URL;
//  3. <meta name="author">, and the publication date of a <time datetime>
//     (one marked as datePublished or pubdate first, else the first);
//  4. what readability itself finds (the <title>, a byline, a date).
package webpage

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Article is what a page says of the article it carries. Every field is
// "" (or zero) when the page does not say; all text is UTF-8 without
// control characters, single-line fields on one line with single spaces.
type Article struct {
	// Title is the headline.
	Title string
	// Outlet is the publication's name ("Example News").
	Outlet string
	// Author is the byline: the authors' names, joined with ", ".
	Author string
	// Published is when the article was first published, in the offset
	// the page gave (its date is the article's date where it appeared);
	// zero when the page gives no date that could be read.
	Published time.Time
	// Text is the article's main text: its paragraphs, headings, list
	// items and quotations one per paragraph, separated by blank lines,
	// each on one line with single spaces.
	Text string
}

// Read reads the article in page, an HTML document already decoded to
// UTF-8, found at pageURL (which resolves its relative links; it may be
// nil). It fails only when the page cannot be analysed at all.
func Read(page string, pageURL *url.URL) (Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("parse page: %w", err)
	}
	// The metadata is read first: readability changes the document.
	q := goquery.NewDocumentFromNode(doc)
	sources := []metadata{fromJSONLD(q), fromOpenGraph(q), fromMetaTags(q)}
	text, own, err := mainText(doc, pageURL)
	if err != nil {
		return Article{}, err
	}
	sources = append(sources, own)
	var a Article
	for _, m := range sources {
		a.Title = first(a.Title, m.title)
		a.Outlet = first(a.Outlet, m.outlet)
		a.Author = first(a.Author, byline(m.author))
		if a.Published.IsZero() {
			a.Published = parseDate(m.published)
		}
	}
	a.Text = dropByline(text, a.Author, own.author)
	return a, nil
}

// dropByline removes, from the text's first three paragraphs, one that is
// only the byline ("By Mina Okafor"): readability keeps it when the page's
// metadata named the author first.
func dropByline(text string, authors ...string) string {
	paras := strings.SplitN(text, "\n\n", 4)
	for i := range min(3, len(paras)) {
		name := byline(paras[i])
		for _, a := range authors {
			if a = byline(a); a != "" && strings.EqualFold(name, a) {
				return strings.Join(append(paras[:i:i], paras[i+1:]...), "\n\n")
			}
		}
	}
	return text
}

// metadata is what one source in a page says; published is the date as
// written there.
type metadata struct {
	title, outlet, author, published string
}

// byline is an author's name without the "By" that bylines start with.
func byline(s string) string {
	s = line(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// first is have, or else the line of want.
func first(have, want string) string {
	if have != "" {
		return have
	}
	return line(want)
}
