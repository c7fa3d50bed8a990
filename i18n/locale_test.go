package i18n

import (
	"context"
	"testing"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

func TestDatesAreWrittenAsEachLanguageWritesThem(t *testing.T) {
	day := time.Date(2026, time.March, 2, 15, 4, 0, 0, time.UTC)
	for _, tc := range []struct{ tag, long, short, moment string }{
		{"en", "2 March 2026", "2 Mar 2026", "2 Mar 2026, 15:04 UTC"},
		{"es", "2 de marzo de 2026", "2 mar 2026", "2 mar 2026, 15:04 UTC"},
		{"fr", "2 mars 2026", "2 mars 2026", "2 mars 2026 à 15:04 UTC"},
		{"pt", "2 de março de 2026", "2 mar. 2026", "2 mar. 2026 às 15:04 UTC"},
		{"ar", "٢ مارس ٢٠٢٦", "٢ مارس ٢٠٢٦", "٢ مارس ٢٠٢٦، ١٥:٠٤ UTC"},
	} {
		l := For(tc.tag)
		if got := l.Date(day); got != tc.long {
			t.Errorf("%s Date = %q, want %q", tc.tag, got, tc.long)
		}
		if got := l.ShortDate(day); got != tc.short {
			t.Errorf("%s ShortDate = %q, want %q", tc.tag, got, tc.short)
		}
		if got := l.DateTime(day); got != tc.moment {
			t.Errorf("%s DateTime = %q, want %q", tc.tag, got, tc.moment)
		}
	}
}

func TestNumbersUseTheLanguagesDigitsAndGrouping(t *testing.T) {
	for tag, want := range map[string]string{"en": "12,345", "es": "12.345", "fr": "12\u00a0345", "pt": "12.345", "ar": "١٢٬٣٤٥"} {
		if got := For(tag).Number(12345); got != want {
			t.Errorf("%s Number(12345) = %q, want %q", tag, got, want)
		}
	}
}

func TestMatchPicksTheClosestInterfaceLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"fr-CA,en;q=0.5":      "fr",
		"pt-BR":               "pt",
		"de-DE,de;q=0.9":      "",
		"de,ar-EG;q=0.8":      "ar",
		"en-GB":               "en",
		"es-419,es;q=0.9":     "es",
		"":                    "",
		"not a language;;q=x": "",
		// One entry that x/text does not know or read leaves the rest
		// read, in order of weight.
		"zz, fr;q=0.1":              "fr",
		"cl;q=0.3, fr;q=0.1":        "fr",
		"xx-!!, es;q=0.2, ar;q=0.5": "ar",
		"zz, qq;q=0.5":              "",
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnknownTagsAndContextsFallBackToEnglish(t *testing.T) {
	if For("de").Tag() != "en" || For("").Tag() != "en" || From(context.Background()).Tag() != "en" {
		t.Error("an unknown or missing locale is not English")
	}
	ctx := WithLocale(context.Background(), For("ar"))
	if l := From(ctx); l.Tag() != "ar" || l.Dir() != "rtl" {
		t.Errorf("From(ctx) = %s %s, want ar rtl", l.Tag(), l.Dir())
	}
	if got := For("fr").T("core.layout.sign_in"); got != "Se connecter" {
		t.Errorf("French sign in = %q", got)
	}
	if got := For("fr").T("core.no.such.message"); got != "core.no.such.message" {
		t.Errorf("a missing message gives %q, want its id", got)
	}
}

func TestPluralsFollowEachLanguagesRules(t *testing.T) {
	bundle.MustAddMessages(language.English, &goi18n.Message{ID: "core.test.items", One: "{{.Count}} item", Other: "{{.Count}} items"})
	bundle.MustAddMessages(language.Arabic, &goi18n.Message{ID: "core.test.items",
		Zero: "لا عناصر", One: "عنصر واحد", Two: "عنصران", Few: "{{.Count}} عناصر", Many: "{{.Count}} عنصرًا", Other: "{{.Count}} عنصر"})
	for _, tc := range []struct {
		tag  string
		n    int
		want string
	}{
		{"en", 1, "1 item"}, {"en", 1200, "1,200 items"},
		{"ar", 0, "لا عناصر"}, {"ar", 2, "عنصران"}, {"ar", 3, "٣ عناصر"}, {"ar", 11, "١١ عنصرًا"}, {"ar", 100, "١٠٠ عنصر"},
		{"fr", 2, "2 items"}, // no French message: English, written in English
	} {
		if got := For(tc.tag).N("core.test.items", tc.n); got != tc.want {
			t.Errorf("%s N(%d) = %q, want %q", tc.tag, tc.n, got, tc.want)
		}
	}
}
