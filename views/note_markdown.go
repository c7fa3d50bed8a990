package views

import (
	"bytes"
	"context"
	"io"

	"github.com/a-h/templ"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"claimtracker/models"
)

// Notes are Markdown by the policy of MarkdownHTML, with @mentions (see
// models.NoteMarkdown): a mention that names a colleague is their name,
// highlighted, in a <mark class="mention">; any other is its words as
// written.

// noteMarkdown converts a note's Markdown to HTML.
var noteMarkdown = goldmark.New(append(models.NoteMarkdown,
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(imageLinks{}, 100), util.Prioritized(mentionRenderer{}, 100))))...)

// noteSanitizer is the policy's sanitizer that also keeps the mentions'
// highlight.
var noteSanitizer = func() *policy {
	p := markdownPolicy()
	p.AllowAttrs("class").Matching(mentionClass).OnElements("mark")
	p.AllowElements("bdi")
	return p
}()

// mentionRenderer writes models.Mention nodes.
type mentionRenderer struct{}

// RegisterFuncs renders models.KindMention with renderMention.
func (mentionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(models.KindMention, renderMention)
}

// renderMention writes a mention that names someone as "@Name",
// highlighted, and any other as written.
func renderMention(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	m := n.(*models.Mention)
	if m.Name == "" {
		_, _ = w.Write(util.EscapeHTML([]byte(m.Written)))
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<mark class="mention"><bdi>@`)
	_, _ = w.Write(util.EscapeHTML([]byte(m.Name)))
	_, _ = w.WriteString(`</bdi></mark>`)
	return ast.WalkSkipChildren, nil
}

// NoteHTML renders a note's Markdown as sanitised HTML, each mention of a
// handle in names (display names by handle, models.Note.MentionNames)
// as that colleague's name.
func NoteHTML(src string, names map[string]string) (string, error) {
	source := []byte(src)
	doc := noteMarkdown.Parser().Parse(text.NewReader(source))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*models.Mention); ok && entering {
			m.Name = names[m.Handle]
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := noteMarkdown.Renderer().Render(&buf, source, doc); err != nil {
		return "", err
	}
	return noteSanitizer.Sanitize(buf.String()), nil
}

// Note renders a note (see NoteHTML).
func Note(n *models.Note) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		html, err := NoteHTML(n.Body, n.MentionNames())
		if err != nil {
			return err
		}
		return templ.Raw(html).Render(ctx, w)
	})
}
