package models

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownExtensions are the extensions of CommonMark that every field
// written in Markdown has: autolinks and strikethrough.
var markdownExtensions = goldmark.WithExtensions(extension.Linkify, extension.Strikethrough)

// markdownParser reads Markdown as the pages render it (CommonMark with
// markdownExtensions).
var markdownParser = goldmark.New(markdownExtensions).Parser()

// PlainText is the text a reader sees of src, written in Markdown: the
// words without their markup (no *, _, `, #, > or [..](..)), with each
// block (paragraph, heading, list item, quotation, code block) on a line
// of its own. A link gives its words, an image its alternative text; raw
// HTML, which the pages never show, gives nothing. Search indexes and
// quotes this text, so that a snippet never shows Markdown.
func PlainText(src string) string {
	source := []byte(src)
	doc := markdownParser.Parse(text.NewReader(source))
	var b strings.Builder
	newLine := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			newLine()
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(source)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v)))
			}
			b.Write(v)
			switch {
			case n.HardLineBreak():
				b.WriteByte('\n')
			case n.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(source))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.Write(seg.Value(source))
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
