package views

import (
	"bytes"
	"context"
	"io"

	"github.com/a-h/templ"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown converts Markdown to HTML. Raw HTML in the source is not passed
// through (goldmark's default), and the result is sanitised again below.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough))

// sanitizer keeps what user-written prose needs (paragraphs, emphasis,
// lists, links, quotes) and drops scripts, styles and event handlers. It is
// safe for concurrent use once built.
var sanitizer = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}()

// MarkdownHTML renders src, written in Markdown, as sanitised HTML.
func MarkdownHTML(src string) (string, error) {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return sanitizer.Sanitize(buf.String()), nil
}

// Markdown renders src, written in Markdown, as sanitised HTML.
func Markdown(src string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		html, err := MarkdownHTML(src)
		if err != nil {
			return err
		}
		return templ.Raw(html).Render(ctx, w)
	})
}
