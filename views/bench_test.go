package views

import (
	"context"
	"io"
	"testing"

	"claimtracker/i18n"
)

// BenchmarkDecimal writes a file's size in French, as a source's files
// list does for each file.
func BenchmarkDecimal(b *testing.B) {
	ctx := i18n.WithLocale(context.Background(), i18n.For("fr"))
	b.ReportAllocs()
	for b.Loop() {
		Decimal(ctx, 1.5, 1)
	}
}

// BenchmarkMsg renders a sentence with markup inside it (a claim's
// byline) in French.
func BenchmarkMsg(b *testing.B) {
	ctx := i18n.WithLocale(context.Background(), i18n.For("fr"))
	name := Bdi("Ali Hassan")
	b.ReportAllocs()
	for b.Loop() {
		if err := Msg(ctx, "public.claim.byline", "Name", name, "Date", "2 mars 2026").Render(ctx, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
