package webpage

import (
	"encoding/json"
	"html"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// articleTypes are the schema.org types whose JSON-LD describes the page's
// article: Article and its kinds of news article and posting.
var articleTypes = map[string]bool{
	"Article": true, "NewsArticle": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BackgroundNewsArticle": true, "OpinionNewsArticle": true, "ReviewNewsArticle": true,
	"AskPublicNewsArticle": true, "BlogPosting": true, "LiveBlogPosting": true, "Report": true,
}

// fromJSONLD reads the first article object in the page's JSON-LD
// scripts: one at the top of a script, in a list, or in an @graph. Nodes
// given only as {"@id": …} references (an author, a publisher) are looked
// up among the nodes of the same script. Scripts that are not valid JSON
// are skipped.
func fromJSONLD(doc *goquery.Document) metadata {
	var m metadata
	doc.Find("script").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		typ, _ := s.Attr("type")
		if !strings.Contains(strings.ToLower(typ), "ld+json") {
			return true
		}
		var v any
		if json.Unmarshal([]byte(stripWrappers(s.Text())), &v) != nil {
			return true
		}
		var nodes []map[string]any
		collectNodes(v, &nodes, 0)
		ids := map[string]map[string]any{}
		for _, n := range nodes {
			if id, ok := n["@id"].(string); ok && len(n) > 1 {
				ids[id] = n
			}
		}
		for _, n := range nodes {
			if !isArticle(n["@type"]) {
				continue
			}
			m.title = jsonText(n["headline"])
			if m.title == "" {
				m.title = jsonText(n["name"])
			}
			m.author = strings.Join(names(n["author"], ids), ", ")
			m.published = jsonText(n["datePublished"])
			if pub := names(n["publisher"], ids); len(pub) > 0 {
				m.outlet = pub[0]
			}
			return false
		}
		return true
	})
	return m
}

// stripWrappers removes the HTML comment or CDATA markers that some pages
// wrap their JSON-LD in.
func stripWrappers(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"//<![CDATA[", "//]]>"}} {
		if strings.HasPrefix(s, w[0]) && strings.HasSuffix(s, w[1]) {
			s = strings.TrimSpace(s[len(w[0]) : len(s)-len(w[1])])
		}
	}
	return s
}

// collectNodes appends every JSON object of v that is a node of the graph:
// v itself, the members of a list, and those of an @graph, to a few levels.
func collectNodes(v any, out *[]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectNodes(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, x)
		if g, ok := x["@graph"]; ok {
			collectNodes(g, out, depth+1)
		}
	}
}

// isArticle reports whether a node's @type, a name or a list of names,
// names an article type.
func isArticle(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.TrimPrefix(x, "schema:")]
	case []any:
		for _, e := range x {
			if isArticle(e) {
				return true
			}
		}
	}
	return false
}

// names lists the names in an author or publisher value: a name, an
// object with a name (or an @id reference to one), or a list of these.
// Values that are URLs (profile pages) are not names.
func names(v any, ids map[string]map[string]any) []string {
	var out []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch x := v.(type) {
		case string:
			if s := jsonText(x); s != "" && !isURL(s) {
				out = append(out, s)
			}
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		case map[string]any:
			if _, ok := x["name"]; !ok {
				if id, ok := x["@id"].(string); ok && ids[id] != nil {
					x = ids[id]
				}
			}
			if s := jsonText(x["name"]); s != "" && !isURL(s) {
				out = append(out, s)
			}
		}
	}
	add(v, 0)
	return out
}

// jsonText is a JSON string's text with HTML character references
// decoded (pages often write "&#8217;" in JSON-LD), as one line; "" for
// anything but a string.
func jsonText(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	return line(html.UnescapeString(s))
}
