package views

import (
	"strings"
	"testing"
)

func TestMarkdownIsRenderedAndSanitised(t *testing.T) {
	cases := []struct {
		in, want string
		never    []string
	}{
		{"Two **meetings**, see [the report](https://example.com/r).", `<p>Two <strong>meetings</strong>, see <a href="https://example.com/r" rel="nofollow noreferrer">the report</a>.</p>`, nil},
		{"- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>", nil},
		{"> He said it under oath.", "<blockquote>\n<p>He said it under oath.</p>\n</blockquote>", nil},
		{"<script>alert(1)</script>\n\nHello", "<p>Hello</p>", []string{"<script", "alert(1)"}},
		{"[click](javascript:alert(1))", "<p>click</p>", []string{"javascript:"}},
		{`<img src=x onerror="alert(1)">`, "", []string{"onerror", "<img"}},
		{"<a href=\"https://e.com\" onclick=\"x()\">a</a>", "", []string{"onclick"}},
	}
	for _, tc := range cases {
		got, err := MarkdownHTML(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("Markdown(%q) = %q, want it to contain %q", tc.in, got, tc.want)
		}
		for _, bad := range tc.never {
			if strings.Contains(got, bad) {
				t.Errorf("Markdown(%q) = %q contains %q", tc.in, got, bad)
			}
		}
	}
}

// The site's Content-Security-Policy loads no image from elsewhere, so a
// Markdown image is never embedded: it becomes a link with its alt text
// (or its address) as words, and never nests in a link.
func TestMarkdownImagesBecomeLinks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"See ![the *chart*](https://example.com/c.png).", `<p>See <a href="https://example.com/c.png" rel="nofollow noreferrer">the <em>chart</em></a>.</p>`},
		{"![](https://example.com/c.png)", `<p><a href="https://example.com/c.png" rel="nofollow noreferrer">https://example.com/c.png</a></p>`},
		{"[![chart](https://example.com/c.png)](https://example.com/page)", `<p><a href="https://example.com/page" rel="nofollow noreferrer">chart</a></p>`},
		{"![chart](javascript:alert(1))", `<p>chart</p>`},
		{"![chart](/static/chart.png)", `<p><a href="/static/chart.png" rel="nofollow noreferrer">chart</a></p>`},
	}
	for _, tc := range cases {
		got, err := MarkdownHTML(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got = strings.TrimSpace(got); got != tc.want {
			t.Errorf("Markdown(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
