package views

import (
	"context"
	"strings"
	"testing"

	"claimtracker/i18n"
)

// Msg lets the translation place the markup: the English byline puts the
// name, a comma and the date; the Arabic one the name, an Arabic comma and
// the date, with the name isolated in <bdi> in both. Text values and the
// message's own words are escaped, component values are not.
func TestMsgPutsMarkupWhereTheTranslationSays(t *testing.T) {
	cases := []struct{ lang, want string }{
		{"en", `<bdi>Ali &lt;b&gt; Hassan</bdi>, 2 &lt;March&gt;`},
		{"ar", `<bdi>Ali &lt;b&gt; Hassan</bdi>، 2 &lt;March&gt;`},
	}
	for _, c := range cases {
		ctx := i18n.WithLocale(context.Background(), i18n.For(c.lang))
		var b strings.Builder
		if err := Msg(ctx, "public.claim.byline", "Name", Bdi("Ali <b> Hassan"), "Date", "2 <March>").Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s: %q, want %q", c.lang, b.String(), c.want)
		}
	}
	// A plural message with a component: the count chooses the form.
	ctx := i18n.WithLocale(context.Background(), i18n.For("fr"))
	var b strings.Builder
	if err := MsgN(ctx, "public.claim.reviewers", 2).Render(ctx, &b); err != nil || b.String() != "2 relecteurs" {
		t.Errorf("MsgN fr 2 = %q, %v", b.String(), err)
	}
}

// Decimal writes the decimal mark and digits of the reader's language.
func TestDecimalFollowsTheLanguage(t *testing.T) {
	for lang, want := range map[string]string{"en": "1.5", "fr": "1,5", "es": "1,5", "pt": "1,5", "ar": "١٫٥"} {
		ctx := i18n.WithLocale(context.Background(), i18n.For(lang))
		if got := Decimal(ctx, 1.5, 1); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
