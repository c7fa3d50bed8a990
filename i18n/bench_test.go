package i18n

import (
	"strings"
	"testing"
)

// browserHeaders are Accept-Language headers as browsers send them.
var browserHeaders = []string{
	"en-US,en;q=0.9",
	"fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
	"pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7",
	"de-DE,de;q=0.9,en;q=0.8",
	"ar-EG,ar;q=0.9,en-GB;q=0.8,en;q=0.7",
	"es-419,es;q=0.9",
	"en-GB,en-US;q=0.9,en;q=0.8",
	"zh-CN,zh;q=0.9",
}

// BenchmarkMatch chooses the interface language of browsers' headers, as
// the locale middleware does on a reader's first visit.
func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Match(browserHeaders[i%len(browserHeaders)])
		i++
	}
}

// BenchmarkMatchLong reads a 55 KB header of thousands of languages
// (without hyphens, which the parser counts and refuses past a
// thousand): the kind of header a client may send to make each request
// costly.
func BenchmarkMatchLong(b *testing.B) {
	h := longHeader()
	b.ReportAllocs()
	for b.Loop() {
		Match(h)
	}
}

// BenchmarkLocaleT is one message without template data.
func BenchmarkLocaleT(b *testing.B) {
	l := For("fr")
	b.ReportAllocs()
	for b.Loop() {
		l.T("core.layout.sign_in")
	}
}

// BenchmarkLocaleTData is one message with template data.
func BenchmarkLocaleTData(b *testing.B) {
	l := For("fr")
	b.ReportAllocs()
	for b.Loop() {
		l.T("admin.field.error", "Label", "Résumé", "Reason", "trop long")
	}
}

// BenchmarkLocaleN is one plural message.
func BenchmarkLocaleN(b *testing.B) {
	l := For("fr")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		l.N("public.claim.reviewers", i%20)
		i++
	}
}

// BenchmarkLocaleNumber writes one number.
func BenchmarkLocaleNumber(b *testing.B) {
	l := For("fr")
	b.ReportAllocs()
	for b.Loop() {
		l.Number(12345)
	}
}

// longHeader is a 55 KB Accept-Language header of languages that the
// interface does not speak.
func longHeader() string {
	var sb strings.Builder
	langs := []string{"de", "nl", "sv", "pl", "ja", "ko", "ru", "tr"}
	for i := 0; sb.Len() < 55<<10; i++ {
		sb.WriteString(langs[i%len(langs)])
		sb.WriteString(";q=0.5,")
	}
	return sb.String()
}
