package views

import (
	"context"
	"fmt"
	"time"

	"claimtracker/i18n"
	"claimtracker/models"
)

// ReasonText writes a reason (models.Reason: why a field or an action was
// refused) in the language of ctx's locale: its catalogue message, with
// its whole numbers in the language's digits and grouping, its fractions
// with one decimal in the language's decimal mark, its days in full as the
// language writes them, and a reason inside it in the same language. In
// English it is the reason's own English, as the JSON API gives it: the
// catalogue's English is the same (a test keeps them equal), except where
// the code's English carries a detail the catalogue summarises (what a
// refused file was found to be, where a fetch was sent). A reason without
// a catalogue id (an HTTP error's own words) is its English too.
func ReasonText(ctx context.Context, r models.Reason) string {
	l := i18n.From(ctx)
	if r.ID == "" || l.Tag() == i18n.Default {
		return r.String()
	}
	pairs := make([]any, 0, 2*len(r.Data))
	for name, v := range r.Data {
		pairs = append(pairs, name, reasonValue(ctx, l, v))
	}
	if r.Plural {
		return l.N(r.ID, r.Count, pairs...)
	}
	return l.T(r.ID, pairs...)
}

// reasonValue writes one value of a reason's data in l's language.
func reasonValue(ctx context.Context, l *i18n.Locale, v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return l.Number(v)
	case int64:
		return l.Number(int(v))
	case float64:
		return Decimal(ctx, v, 1)
	case time.Time:
		return l.Date(v)
	case models.Reason:
		return ReasonText(ctx, v)
	}
	return fmt.Sprint(v)
}

// ReasonsText writes each refused field's reason in ctx's language, for a
// form's Errors.
func ReasonsText(ctx context.Context, reasons map[string]models.Reason) map[string]string {
	out := make(map[string]string, len(reasons))
	for field, why := range reasons {
		out[field] = ReasonText(ctx, why)
	}
	return out
}

// KeptReasonText is a failure kept with its reason: a source's archive,
// link or Internet Archive error, a job's last error. In English it is
// text, the English kept beside the reason, word for word what the API
// and the logs give; in another language it is why in that language. A
// zero why (a failure recorded before reasons were kept, or an error that
// has no words for people, such as a bug's) is text in every language.
func KeptReasonText(ctx context.Context, why models.Reason, text string) string {
	if why.IsZero() || i18n.From(ctx).Tag() == i18n.Default {
		return text
	}
	return ReasonText(ctx, why)
}
