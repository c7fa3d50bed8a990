package views

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"claimtracker/i18n"
)

// sentinel marks where the index-th markup value of Msg goes in a message
// before it is written: NUL never reaches a message from outside (package
// input refuses it everywhere), so it cannot be mistaken for text.
func sentinel(i int) string {
	if i < len(sentinels) {
		return sentinels[i]
	}
	return "\x00" + strconv.Itoa(i) + "\x00"
}

// sentinels are the first few sentinels, made once: a sentence holds one
// or two pieces of markup.
var sentinels = [...]string{"\x000\x00", "\x001\x00", "\x002\x00", "\x003\x00"}

// Msg is the catalogue message id (see T) as HTML, for a sentence of
// interface text with markup inside it: a link to a speaker, a rating's
// badge, a <time>, user text isolated in <bdi>. pairs are name, value…
// as for T; a value that is a templ.Component (Bdi, or any component) is
// rendered where the message places its variable, any other value is text.
// Every text part is escaped. The message decides the word order, so a
// translation may move the markup (Spanish "{{.Retracted}} el {{.Date}}",
// Arabic "جاء على لسان {{.Name}}: {{.Quote}}") without HTML in the
// catalogue.
func Msg(ctx context.Context, id string, pairs ...any) templ.Component {
	return msg(ctx, pairs, func(p []any) string { return T(ctx, id, p...) })
}

// MsgN is Msg for a plural message (see N): count chooses the form.
func MsgN(ctx context.Context, id string, count int, pairs ...any) templ.Component {
	return msg(ctx, pairs, func(p []any) string { return N(ctx, id, count, p...) })
}

// msg renders the message that text gives for pairs, with each component
// value put in the place of its variable.
func msg(ctx context.Context, pairs []any, text func([]any) string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		p := make([]any, len(pairs))
		copy(p, pairs)
		var parts []templ.Component
		for i := 1; i < len(p); i += 2 {
			if c, ok := p[i].(templ.Component); ok {
				p[i] = sentinel(len(parts))
				parts = append(parts, c)
			}
		}
		s := text(p)
		for s != "" {
			i := strings.IndexByte(s, 0)
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i+1:], 0)
			if j < 0 {
				break
			}
			n, err := strconv.Atoi(s[i+1 : i+1+j])
			if err != nil || n < 0 || n >= len(parts) {
				break
			}
			if _, err := io.WriteString(w, templ.EscapeString(s[:i])); err != nil {
				return err
			}
			if err := parts[n].Render(ctx, w); err != nil {
				return err
			}
			s = s[i+j+2:]
		}
		_, err := io.WriteString(w, templ.EscapeString(s))
		return err
	})
}

// Bdi is user text inside a sentence of interface text, isolated for
// direction (<bdi>, Unicode UAX #9 isolates): an Arabic name in an
// English sentence, or an English title in an Arabic one, keeps its own
// direction and leaves the sentence's order alone.
func Bdi(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, "<bdi>"+templ.EscapeString(s)+"</bdi>")
		return err
	})
}

// Decimal writes x with frac digits after the decimal mark, in the digits,
// decimal mark and grouping of ctx's language (CLDR number symbols, as
// golang.org/x/text/number applies them, like Number): 1.5 with one digit
// is "1.5" in English, "1,5" in French, "١٫٥" in Arabic.
func Decimal(ctx context.Context, x float64, frac int) string {
	return i18n.From(ctx).Decimal(x, frac)
}
