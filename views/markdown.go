package views

import (
	"bytes"
	"context"
	"io"
	"regexp"

	"github.com/a-h/templ"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// The Markdown policy. Every field written in Markdown (a verdict's
// explanation, a correction's or retraction's note, the corrections policy,
// and, with mentions, a claim's internal notes: see NoteHTML) is rendered
// by MarkdownHTML and nothing else, so all of them allow the
// same things: paragraphs, emphasis, strikethrough, lists, quotes, code,
// headings and links (http, https and mailto only, with rel="nofollow
// noreferrer"). Raw HTML in the source is dropped (goldmark's default).
// An image is never embedded: the site's Content-Security-Policy loads no
// image from elsewhere, so it becomes a link to the image, with its alt
// text, or else its address, as the link's words.

// markdown converts Markdown to HTML as the policy says.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Linkify, extension.Strikethrough),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(imageLinks{}, 100))),
)

// sanitizer lets through exactly the elements that the policy's Markdown
// produces, and no <img>, however the HTML was made. It is safe for
// concurrent use once built.
var sanitizer = markdownPolicy()

// policy is a sanitizer's policy.
type policy = bluemonday.Policy

// mentionClass is the one class a note's <mark> may have.
var mentionClass = regexp.MustCompile(`^mention$`)

// markdownPolicy builds the sanitizer of the policy above.
func markdownPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs()
	p.AllowAttrs("href").OnElements("a")
	p.RequireNoReferrerOnLinks(true)
	p.AllowElements("p", "br", "hr", "blockquote", "ul", "li", "pre", "code", "em", "strong", "del",
		"h1", "h2", "h3", "h4", "h5", "h6")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowElements("ol")
	return p
}

// imageLinks renders Markdown images as links (see the policy above).
type imageLinks struct{}

// RegisterFuncs renders ast.KindImage with renderImageLink.
func (imageLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, renderImageLink)
}

// renderImageLink writes ![words](address) as <a href="address">words</a>.
// An image inside a link gives its words to that link (links do not nest);
// one with a dangerous address (javascript: and the like) gives its words
// only.
func renderImageLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	img := n.(*ast.Image)
	dest := util.URLEscape(img.Destination, true)
	link := !html.IsDangerousURL(dest)
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink || p.Kind() == ast.KindAutoLink {
			link = false
		}
	}
	if entering {
		if link {
			_, _ = w.WriteString(`<a href="`)
			_, _ = w.Write(util.EscapeHTML(dest))
			_, _ = w.WriteString(`">`)
		}
		if !img.HasChildren() {
			_, _ = w.Write(util.EscapeHTML(img.Destination))
		}
		return ast.WalkContinue, nil
	}
	if link {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

// MarkdownHTML renders src, written in Markdown, as sanitised HTML by the
// policy above.
func MarkdownHTML(src string) (string, error) {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return sanitizer.Sanitize(buf.String()), nil
}

// Markdown renders src, written in Markdown, as sanitised HTML by the
// policy of MarkdownHTML.
func Markdown(src string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		html, err := MarkdownHTML(src)
		if err != nil {
			return err
		}
		return templ.Raw(html).Render(ctx, w)
	})
}
