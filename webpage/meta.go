package webpage

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// fromOpenGraph reads the OpenGraph tags of the page (https://ogp.me):
// og:title, og:site_name, article:published_time, and article:author when
// it holds a name, not the URL of a profile page. Pages write them with
// property="…" as the protocol says, or with name="…".
func fromOpenGraph(doc *goquery.Document) metadata {
	author := metaContent(doc, "property", "article:author")
	if author == "" {
		author = metaContent(doc, "name", "article:author")
	}
	if isURL(author) {
		author = ""
	}
	return metadata{
		title:     ogContent(doc, "og:title"),
		outlet:    ogContent(doc, "og:site_name"),
		author:    author,
		published: ogContent(doc, "article:published_time"),
	}
}

// ogContent is the content of the OpenGraph tag named key.
func ogContent(doc *goquery.Document, key string) string {
	if s := metaContent(doc, "property", key); s != "" {
		return s
	}
	return metaContent(doc, "name", key)
}

// fromMetaTags reads <meta name="author"> and the publication date of the
// page's <time datetime> elements: the first marked as datePublished
// (itemprop) or pubdate, else the first of all.
func fromMetaTags(doc *goquery.Document) metadata {
	m := metadata{author: metaContent(doc, "name", "author")}
	if isURL(m.author) {
		m.author = ""
	}
	for _, sel := range []string{`time[itemprop="datePublished"][datetime]`, `time[pubdate][datetime]`, `time[datetime]`} {
		if dt, ok := doc.Find(sel).First().Attr("datetime"); ok && strings.TrimSpace(dt) != "" {
			m.published = dt
			break
		}
	}
	return m
}

// metaContent is the content of the first <meta> whose attr (name or
// property) is key, compared without regard to case.
func metaContent(doc *goquery.Document, attr, key string) string {
	var out string
	doc.Find("meta[" + attr + "]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if v, _ := s.Attr(attr); strings.EqualFold(strings.TrimSpace(v), key) {
			c, _ := s.Attr("content")
			out = line(c)
			return out == ""
		}
		return true
	})
	return out
}
