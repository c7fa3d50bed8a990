package i18n

import (
	"math/rand/v2"
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

// BenchmarkMatchLong reads 55 KB headers of thousands of languages
// (without hyphens, which the parser counts and refuses past a
// thousand), a different one on each request: the kind of header a
// client may send to make every request costly, and to fill any cache.
func BenchmarkMatchLong(b *testing.B) {
	const size, distinct = 55 << 10, 4096
	all := longHeader(size + distinct*9)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// Entries are 9 bytes long: each header starts at another one.
		off := (i % distinct) * 9
		Match(all[off : off+size])
		i++
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

// longHeader is an Accept-Language header of at least size bytes, of
// languages that the interface does not speak, in an order that does not
// repeat, each entry 9 bytes long.
func longHeader(size int) string {
	others := []string{"de", "nl", "sv", "pl", "ja", "ko", "ru", "tr", "it", "da", "fi", "nb", "cs", "hu", "el", "he",
		"hi", "th", "vi", "id", "ro", "uk", "bg", "hr", "sk", "sl", "lt", "lv", "et", "ms", "fa", "ur", "bn", "ta"}
	var sb strings.Builder
	r := rand.New(rand.NewPCG(1, 2))
	for sb.Len() < size {
		sb.WriteString(others[r.IntN(len(others))])
		sb.WriteString(";q=0.5,")
	}
	return sb.String()
}

// BenchmarkLocaleNumberSmall writes a number below a thousand, as most
// counts on a page are.
func BenchmarkLocaleNumberSmall(b *testing.B) {
	l := For("ar")
	b.ReportAllocs()
	for b.Loop() {
		l.Number(42)
	}
}
