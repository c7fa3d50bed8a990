package i18n

import (
	"context"
	"strconv"
	"strings"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale speaks one interface language: its messages, and dates and
// numbers as that language writes them (CLDR's digits and grouping, the
// month names and date order of the core catalogue). A Locale is safe for
// concurrent use.
type Locale struct {
	lang      Language
	localizer *goi18n.Localizer
	printer   *message.Printer
	// zero is the language's digit zero ('0', or '٠' in Arabic); the
	// other nine follow it in Unicode.
	zero rune
	// plain holds, by id, the messages that name no template data, as
	// the localizer wrote them once when the locale was made: T returns
	// them without asking it again.
	plain map[string]string
}

// newLocale makes the locale of l from the catalogues' messages, by
// language tag and id.
func newLocale(l Language, msgs map[string]map[string]*goi18n.Message) *Locale {
	p := message.NewPrinter(language.MustParse(l.Tag))
	zero, _ := firstRune(p.Sprint(number.Decimal(0)))
	if zero < '0' {
		zero = '0'
	}
	loc := &Locale{lang: l, localizer: goi18n.NewLocalizer(bundle, l.Tag), printer: p, zero: zero}
	plain := map[string]string{}
	for id, m := range msgs[Default] {
		if own, ok := msgs[l.Tag][id]; ok {
			m = own
		}
		if plainMessage(m) {
			plain[id] = loc.localize(id, nil, nil)
		}
	}
	loc.plain = plain
	return loc
}

// plainMessage reports whether m is one text for every count with no
// template data in it, so that its words never change.
func plainMessage(m *goi18n.Message) bool {
	return m.Zero == "" && m.One == "" && m.Two == "" && m.Few == "" && m.Many == "" &&
		m.Other != "" && !strings.Contains(m.Other, "{{")

}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// Tag is the locale's BCP 47 tag, for <html lang>.
func (l *Locale) Tag() string { return l.lang.Tag }

// Dir is the locale's writing direction, "ltr" or "rtl", for <html dir>.
func (l *Locale) Dir() string { return l.lang.Dir }

// Name is what the language calls itself.
func (l *Locale) Name() string { return l.lang.Name }

// T returns the message id in this language, or in English when this
// language lacks it, or id itself when no catalogue has it (the catalogue
// test keeps that from shipping). pairs are the message's template data
// as name, value, name, value…: T(id, "Title", t) fills
// {{.Title}}.
func (l *Locale) T(id string, pairs ...any) string {
	if s, ok := l.plain[id]; ok {
		return s
	}
	return l.localize(id, nil, pairs)
}

// N returns the plural message id for count in this language, choosing
// its CLDR plural form (English one/other; Arabic zero, one, two, few,
// many, other). {{.Count}} is count written with the language's digits
// and grouping; pairs add template data as in T.
func (l *Locale) N(id string, count int, pairs ...any) string {
	return l.localize(id, &count, append(pairs, "Count", l.Number(count)))
}

func (l *Locale) localize(id string, count *int, pairs []any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(pairs) > 0 {
		data := make(map[string]any, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			if k, ok := pairs[i].(string); ok {
				data[k] = pairs[i+1]
			}
		}
		cfg.TemplateData = data
	}
	if count != nil {
		cfg.PluralCount = *count
	}
	// A missing message in this language still gives English (with an
	// error that says so), which is what a reader should see.
	s, _ := l.localizer.Localize(cfg)
	if s == "" {
		return id
	}
	return s
}

// Number writes n with the language's digits and grouping: 12345 is
// "12,345" in English, "12 345" in French, "١٢٬٣٤٥" in Arabic.
func (l *Locale) Number(n int) string {
	if n >= 0 && n < 1000 {
		// No grouping below a thousand in any interface language: the
		// language's digits alone (the locale test compares every one).
		return l.Digits(strconv.Itoa(n))
	}
	return l.printer.Sprint(number.Decimal(n))
}

// Decimal writes x with frac digits after the decimal mark, in the
// language's digits, decimal mark and grouping (CLDR number symbols, as
// golang.org/x/text/number applies them): 1.5 with one digit is "1.5" in
// English, "1,5" in French, "١٫٥" in Arabic.
func (l *Locale) Decimal(x float64, frac int) string {
	return l.printer.Sprint(number.Decimal(x, number.Scale(frac)))
}

// Digits rewrites the ASCII digits in s with the language's own, so that
// a figure made elsewhere (a year, a time) matches Number.
func (l *Locale) Digits(s string) string {
	if l.zero == '0' {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return l.zero + (r - '0')
		}
		return r
	}, s)
}

// Date writes the day of t (in t's own location) in full, in the
// language's order and month names: "2 March 2026", "2 de marzo de 2026",
// "2 mars 2026", "2 de março de 2026", "2 مارس 2026".
func (l *Locale) Date(t time.Time) string {
	return l.date("core.date.long", t, longMonth(t.Month()))
}

// ShortDate writes the day of t with a short month: "2 Mar 2026".
func (l *Locale) ShortDate(t time.Time) string {
	return l.date("core.date.short", t, shortMonth(t.Month()))
}

// DateTime writes t's short date and time of day with its zone's
// abbreviation: "2 Mar 2026, 15:04 UTC".
func (l *Locale) DateTime(t time.Time) string {
	return l.T("core.date.time", "Date", l.ShortDate(t), "Time", l.Digits(t.Format("15:04")), "Zone", t.Format("MST"))
}

// MonthYear writes the month of t with its year: "March 2026".
func (l *Locale) MonthYear(t time.Time) string {
	return l.T("core.date.month_year", "Month", l.T(longMonth(t.Month())), "Year", l.Digits(t.Format("2006")))
}

func (l *Locale) date(id string, t time.Time, month string) string {
	return l.T(id, "Day", l.Digits(t.Format("2")), "Month", l.T(month), "Year", l.Digits(t.Format("2006")))
}

// longMonth is the id of the month's full name.
func longMonth(m time.Month) string {
	return [...]string{"core.month.january", "core.month.february", "core.month.march", "core.month.april",
		"core.month.may", "core.month.june", "core.month.july", "core.month.august",
		"core.month.september", "core.month.october", "core.month.november", "core.month.december"}[m-1]
}

// shortMonth is the id of the month's short name.
func shortMonth(m time.Month) string {
	return [...]string{"core.month_short.january", "core.month_short.february", "core.month_short.march",
		"core.month_short.april", "core.month_short.may", "core.month_short.june", "core.month_short.july",
		"core.month_short.august", "core.month_short.september", "core.month_short.october",
		"core.month_short.november", "core.month_short.december"}[m-1]
}

type ctxKey struct{}

// WithLocale returns ctx carrying l, the locale a request's pages speak.
func WithLocale(ctx context.Context, l *Locale) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// From returns the locale ctx carries, English when it carries none.
func From(ctx context.Context) *Locale {
	if l, ok := ctx.Value(ctxKey{}).(*Locale); ok && l != nil {
		return l
	}
	return locales[Default]
}
