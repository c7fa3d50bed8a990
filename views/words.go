package views

import (
	"context"
	"time"

	"claimtracker/i18n"
)

// T returns the interface message id in the language of ctx's locale
// (see i18n.Locale.T); pairs are its template data as name, value….
func T(ctx context.Context, id string, pairs ...any) string {
	return i18n.From(ctx).T(id, pairs...)
}

// N returns the plural message id for count in ctx's language (see
// i18n.Locale.N).
func N(ctx context.Context, id string, count int, pairs ...any) string {
	return i18n.From(ctx).N(id, count, pairs...)
}

// Number writes n with the digits and grouping of ctx's language.
func Number(ctx context.Context, n int) string { return i18n.From(ctx).Number(n) }

// ShortDate writes the day of t, in the newsroom's time zone, with a short
// month: "2 Mar 2026".
func ShortDate(ctx context.Context, t time.Time) string {
	return i18n.From(ctx).ShortDate(t.In(Zone(ctx)))
}

// DateTime writes t in the newsroom's time zone with its time of day:
// "2 Mar 2026, 15:04 UTC".
func DateTime(ctx context.Context, t time.Time) string {
	return i18n.From(ctx).DateTime(t.In(Zone(ctx)))
}

// DayDate writes a calendar day stored as midnight UTC (a claim's said-at,
// a source's publication date) in full, as that day, in no time zone.
func DayDate(ctx context.Context, t time.Time) string { return i18n.From(ctx).Date(t.UTC()) }

// Locale is the locale of ctx, for the <html lang dir> of the layout.
func Locale(ctx context.Context) *i18n.Locale { return i18n.From(ctx) }

// FieldError is a form field's refusal as the field shows it: its label,
// then the reason in ctx's language ("Summary must be at most 75
// characters"; "Résumé : …" in French).
func FieldError(ctx context.Context, label, reason string) string {
	return T(ctx, "admin.field.error", "Label", label, "Reason", reason)
}
