package views

import (
	"strings"
	"testing"
)

// A note is Markdown by the one policy, with the mentions that name
// colleagues highlighted by name and the others left as written; nothing
// a note holds gets past the sanitizer.
func TestNoteHTML(t *testing.T) {
	names := map[string]string{"ann": "Ann <Lee>", "bo": "Bo"}
	for _, tc := range []struct{ src, want string }{
		{"Ask @ann about **it**", `<p>Ask <mark class="mention"><bdi>@Ann &lt;Lee&gt;</bdi></mark> about <strong>it</strong></p>`},
		{"@nobody and `@ann`", `<p>@nobody and <code>@ann</code></p>`},
		{"mail press@example.org", `<p>mail <a href="mailto:press@example.org" rel="nofollow noreferrer">press@example.org</a></p>`},
		{`<mark class="mention" onclick="x">@bo</mark> <script>alert(1)</script>`, `<p><mark class="mention"><bdi>@Bo</bdi></mark> alert(1)</p>`},
		{"[@bo](javascript:alert(1))", `<p><mark class="mention"><bdi>@Bo</bdi></mark></p>`},
	} {
		got, err := NoteHTML(tc.src, names)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(got) != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, strings.TrimSpace(got), tc.want)
		}
	}
	// Other Markdown fields do not highlight anything.
	if got, _ := MarkdownHTML("@ann"); strings.Contains(got, "mark") {
		t.Errorf("an explanation: %s", got)
	}
}
