package webpage

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
)

// mainText finds the article's main text in doc with readability, and
// returns it as paragraphs separated by blank lines, with what readability
// found of the headline, byline, site name and date. It changes doc.
func mainText(doc *html.Node, pageURL *url.URL) (string, metadata, error) {
	if pageURL == nil {
		pageURL = &url.URL{}
	}
	parser := readability.NewParser()
	ra, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return "", metadata{}, fmt.Errorf("find the article's text: %w", err)
	}
	own := metadata{title: ra.Title(), outlet: ra.SiteName(), author: ra.Byline()}
	if t, err := ra.PublishedTime(); err == nil {
		own.published = t.Format("2006-01-02T15:04:05Z07:00")
	}
	if ra.Node == nil {
		return "", own, nil
	}
	return paragraphs(render.InnerText(ra.Node)), own, nil
}

// paragraphs turns the text of the article's elements, one block element
// a line, into paragraphs: each line with its spaces collapsed and its
// control characters gone, the empty ones dropped, and one blank line
// between the others.
func paragraphs(s string) string {
	var b strings.Builder
	for l := range strings.Lines(s) {
		l = line(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l)
	}
	return b.String()
}

// line is s on one line: control characters and every run of white space
// (line breaks, tabs, no-break spaces) become one space, and the ends are
// trimmed.
func line(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

// isURL reports whether s is an absolute web address rather than a name.
func isURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
