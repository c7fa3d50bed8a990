package i18n

import (
	"testing"

	"golang.org/x/text/number"
)

// T returns the messages that name no template data as the localizer
// wrote them when the locale was made, and asks it for every other one:
// either way, every message of every language, with its variables given
// (as text and as numbers), with none, and with a value of another type,
// and the English of a message a language lacks, reads as the localizer
// writes it.
func TestTWritesWhatTheLocalizerWrites(t *testing.T) {
	_, msgs, err := load(catalogues)
	if err != nil {
		t.Fatal(err)
	}
	plain := 0
	for _, lang := range Languages {
		l := For(lang.Tag)
		for id, m := range msgs[Default] {
			names := vars(m.Other)
			for _, pairs := range [][]any{
				nil,
				withValues(names, func(i int) any { return "<v" + string(rune('a'+i)) + " & é>" }),
				withValues(names, func(i int) any { return 1000 + i }),
				withValues(names, func(i int) any { return 1.5 }),
				append(withValues(names, func(i int) any { return "first" }), withValues(names, func(i int) any { return "last" })...),
			} {
				got, want := l.T(id, pairs...), l.localize(id, nil, pairs)
				if got != want {
					t.Errorf("%s %s %v: T = %q, the localizer %q", lang.Tag, id, pairs, got, want)
				}
			}
			if _, ok := l.plain[id]; ok {
				plain++
			}
		}
	}
	if plain < len(msgs[Default])*len(Languages)/2 {
		t.Errorf("only %d of %d messages are kept written", plain, len(msgs[Default])*len(Languages))
	}
}

// withValues is name, value… for names, the i-th value v(i).
func withValues(names []string, v func(int) any) []any {
	var pairs []any
	for i, n := range names {
		pairs = append(pairs, n, v(i))
	}
	return pairs
}

// Number writes numbers below a thousand itself: as the CLDR printer
// does, in every language.
func TestNumberWritesSmallNumbersAsThePrinterDoes(t *testing.T) {
	for _, lang := range Languages {
		l := For(lang.Tag)
		for n := -20; n < 1100; n++ {
			if got, want := l.Number(n), l.printer.Sprint(number.Decimal(n)); got != want {
				t.Fatalf("%s Number(%d) = %q, the printer %q", lang.Tag, n, got, want)
			}
		}
	}
}

func TestDecimalUsesTheLanguagesMark(t *testing.T) {
	for tag, want := range map[string]string{"en": "1.5", "es": "1,5", "fr": "1,5", "pt": "1,5", "ar": "١٫٥"} {
		if got := For(tag).Decimal(1.5, 1); got != want {
			t.Errorf("%s Decimal(1.5, 1) = %q, want %q", tag, got, want)
		}
	}
	if got := For("en").Decimal(12345.678, 2); got != "12,345.68" {
		t.Errorf("en Decimal(12345.678, 2) = %q", got)
	}
}
