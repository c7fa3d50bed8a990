package models_test

import (
	"testing"

	"claimtracker/models"
)

// Search indexes and quotes an explanation as its readers see it, without
// the Markdown it is written in.
func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"He *did not have* communications.":                                                  "He did not have communications.",
		"Two meetings were **reported** by [the Post](https://www.example.com/post).":        "Two meetings were reported by the Post.",
		"# Heading\n\nFirst line\nsame paragraph.\n\n- one\n- two `code`":                    "Heading\nFirst line same paragraph.\none\ntwo code",
		"> quoted words\n\n~~struck~~ and \\*escaped\\* &amp; more":                          "quoted words\nstruck and *escaped* & more",
		"![a chart of wages](https://example.org/c.png) <b>bold</b> <https://example.org/x>": "a chart of wages bold https://example.org/x",
		"<div>\nraw block\n</div>\n\nafter":                                                  "after",
		"```\nfenced code\n```":                                                              "fenced code",
		"":                                                                                   "",
	} {
		if got := models.PlainText(in); got != want {
			t.Errorf("PlainText(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}
