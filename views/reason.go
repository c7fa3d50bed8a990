package views

import (
	"context"
	"fmt"
	"strings"
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
		if s, ok := v.(string); ok && name == "Status" && httpStatusReasons[r.ID] {
			v = statusCode(s)
		}
		pairs = append(pairs, name, reasonValue(ctx, l, v))
	}
	if r.Plural {
		return l.N(r.ID, r.Count, pairs...)
	}
	return l.T(r.ID, pairs...)
}

// httpStatusReasons are the reasons whose Status is an HTTP status in the
// fetcher's words (fetcher.StatusWords: "404 Not Found", "status 599").
var httpStatusReasons = map[string]bool{
	"reasons.fetch.bad_status":    true,
	"reasons.fetch.asked_to_wait": true,
	"reasons.fetch.no_copy":       true,
}

// statusCode is the code of an HTTP status in the fetcher's words: "404"
// of "404 Not Found" or of "status 404". The reason phrase is the remote
// server's English, not ours: left in a translated sentence it reads as
// English, and in Arabic its letters and the code change places. Words
// without a code are kept as they are.
func statusCode(words string) string {
	start := strings.IndexAny(words, "0123456789")
	if start < 0 {
		return words
	}
	end := start
	for end < len(words) && words[end] >= '0' && words[end] <= '9' {
		end++
	}
	return words[start:end]
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
