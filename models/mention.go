package models

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A note mentions a colleague with "@" and their handle: the part of
// their e-mail address before the "@", in any case ("@ann.lee" for
// ann.lee@example.org). A mention starts a word (after a space,
// punctuation or the start of a line, so that an address such as
// press@example.org mentions no one) and is never read inside code; a
// full stop, underscore, plus or hyphen that ends it ends the sentence or
// the emphasis, not the handle. Notes are
// Markdown, read by NoteMarkdown; the pages render each mention that
// names a colleague as that colleague's name, highlighted.

// MentionHandle is the handle a note mentions the account with address
// email by: its local part, lower-cased.
func MentionHandle(email string) string {
	local, _, _ := strings.Cut(NormalizeEmail(email), "@")
	return local
}

// KindMention is the kind of a Mention node in a note's Markdown tree.
var KindMention = ast.NewNodeKind("Mention")

// Mention is "@handle" in a note, its Handle lower-cased. Name is the
// display name of the colleague it names, set by whoever renders the
// note (empty: it names no one, and is shown as it was written).
type Mention struct {
	ast.BaseInline
	Handle string
	// Written is the mention as the note has it, "@" included.
	Written string
	Name    string
}

// Kind is KindMention.
func (*Mention) Kind() ast.NodeKind { return KindMention }

// Dump writes the node for goldmark's debugging.
func (m *Mention) Dump(source []byte, level int) {
	ast.DumpHelper(m, source, level, map[string]string{"Handle": m.Handle}, nil)
}

// isHandleRune reports whether r may be part of a handle: a letter or
// digit of any script, or one of . _ + - (as e-mail local parts have).
func isHandleRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._+-", r)
}

// mentionParser reads "@handle" as a Mention (see the package comment
// above).
type mentionParser struct{}

// Trigger is "@".
func (mentionParser) Trigger() []byte { return []byte{'@'} }

// Parse reads a mention at the "@" where block stands, or nothing.
func (mentionParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	if prev := block.PrecendingCharacter(); unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("@/\\", prev) {
		return nil // inside a word or an address
	}
	line, _ := block.PeekLine()
	n := 1
	for n < len(line) {
		r, size := utf8.DecodeRune(line[n:])
		if !isHandleRune(r) {
			break
		}
		n += size
	}
	// Punctuation that ends a sentence or an emphasis ends the handle.
	handle := strings.TrimRight(string(line[1:n]), "._+-")
	if handle == "" {
		return nil
	}
	block.Advance(1 + len(handle))
	return &Mention{Handle: strings.ToLower(handle), Written: "@" + handle}
}

// NoteMarkdown is the Markdown of notes: that of every other field (see
// views.MarkdownHTML), with mentions. Its parser gives Mention nodes,
// which a renderer of notes must register.
var NoteMarkdown = []goldmark.Option{
	markdownExtensions,
	goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(mentionParser{}, 500))),
}

// noteParser reads notes to find their mentions.
var noteParser = goldmark.New(NoteMarkdown...).Parser()

// Mentions lists the handles that body, a note in Markdown, mentions:
// each once, in the order they first appear.
func Mentions(body string) []string {
	source := []byte(body)
	doc := noteParser.Parse(text.NewReader(source))
	var out []string
	seen := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*Mention); ok && entering && !seen[m.Handle] {
			seen[m.Handle] = true
			out = append(out, m.Handle)
		}
		return ast.WalkContinue, nil
	})
	return out
}
