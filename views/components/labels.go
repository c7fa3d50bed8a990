package components

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"claimtracker/models"
	"claimtracker/views"
)

// SourceKindLabel names a kind of source for people, in the language of
// ctx (views.T).
func SourceKindLabel(ctx context.Context, k models.SourceKind) string {
	switch k {
	case models.SourceTranscript:
		return views.T(ctx, "public.source_kind.transcript")
	case models.SourceOfficialRecord:
		return views.T(ctx, "public.source_kind.official_record")
	case models.SourceNewsReport:
		return views.T(ctx, "public.source_kind.news_report")
	case models.SourceStatement:
		return views.T(ctx, "public.source_kind.statement")
	case models.SourceSocialPost:
		return views.T(ctx, "public.source_kind.social_post")
	case models.SourceDataset:
		return views.T(ctx, "public.source_kind.dataset")
	case models.SourceOther:
		return views.T(ctx, "public.source_kind.other")
	}
	return string(k)
}

// StanceLabel names a source's stance for people, in the language of ctx.
func StanceLabel(ctx context.Context, s models.Stance) string {
	switch s {
	case models.StanceSupports:
		return views.T(ctx, "public.stance.supports")
	case models.StanceContradicts:
		return views.T(ctx, "public.stance.contradicts")
	case models.StanceContext:
		return views.T(ctx, "public.stance.context")
	}
	return string(s)
}

// CorrectionKindLabel names a kind of correction for people, in the
// language of ctx.
func CorrectionKindLabel(ctx context.Context, k models.CorrectionKind) string {
	switch k {
	case models.CorrectionClarification:
		return views.T(ctx, "public.correction_kind.clarification")
	case models.CorrectionCorrection:
		return views.T(ctx, "public.correction_kind.correction")
	case models.CorrectionRatingChange:
		return views.T(ctx, "public.correction_kind.rating_change")
	case models.CorrectionRetraction:
		return views.T(ctx, "public.correction_kind.retraction")
	case models.CorrectionUpdate:
		return views.T(ctx, "public.correction_kind.update")
	}
	return string(k)
}

// SourceKindOptions are the kinds of source, for a select, named in the
// language of ctx.
func SourceKindOptions(ctx context.Context) []Option {
	out := make([]Option, 0, len(models.SourceKinds))
	for _, k := range models.SourceKinds {
		out = append(out, Option{string(k), SourceKindLabel(ctx, k)})
	}
	return out
}

// StanceOptions are the stances a source may take, for a select, named in
// the language of ctx.
func StanceOptions(ctx context.Context) []Option {
	out := make([]Option, 0, len(models.Stances))
	for _, s := range models.Stances {
		out = append(out, Option{string(s), StanceLabel(ctx, s)})
	}
	return out
}

// RatingOptions are the ratings of the scale, for a select.
func RatingOptions(ratings []models.Rating) []Option {
	out := make([]Option, 0, len(ratings))
	for _, r := range ratings {
		out = append(out, Option{r.Slug, r.Label})
	}
	return out
}

// Day writes a calendar date, such as a claim's said_at or a source's date,
// as "10 Jan 2017" in ctx's language, or "" for none. Calendar dates have no time and no
// zone (the store keeps them as midnight UTC): they are never converted.
func Day(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return views.Locale(ctx).ShortDate(t.UTC())
}

// When writes the day on which the moment t happened (a publication,
// retraction, correction or change) in the newsroom's time zone, which
// views.WithZone put in ctx, as "10 Jan 2017", or "" for none.
func When(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return views.ShortDate(ctx, *t)
}

// ISODay writes the day on which the moment t happened in the newsroom's
// time zone as YYYY-MM-DD, for the datetime attribute of <time>.
func ISODay(ctx context.Context, t time.Time) string {
	return views.DateIn(t, views.Zone(ctx))
}

// ClaimPath is the desk page of a claim.
func ClaimPath(id uint) string { return "/desk/claims/" + strconv.FormatUint(uint64(id), 10) }

// PersonPath is the desk page of a speaker, where they are edited, merged
// and deleted.
func PersonPath(id uint) string { return "/desk/people/" + strconv.FormatUint(uint64(id), 10) }

// ArticlePath is the desk page of an article.
func ArticlePath(id uint) string { return "/desk/articles/" + strconv.FormatUint(uint64(id), 10) }

// SourcePath is the address of a source's edit actions.
func SourcePath(id uint) string { return "/desk/sources/" + strconv.FormatUint(uint64(id), 10) }

// UpdatePath is the desk page of an update of a published fact-check.
func UpdatePath(id uint) string { return "/desk/updates/" + strconv.FormatUint(uint64(id), 10) }

// VerdictPath is the address of a verdict's actions.
func VerdictPath(id uint) string { return "/desk/verdicts/" + strconv.FormatUint(uint64(id), 10) }

// Joined writes the parts of a meta line that are not empty, separated by
// " · ", so that a missing part (a source with no outlet, say) leaves no
// stray separator: Joined("", "Transcript", "10 Jan 2017") is
// "Transcript · 10 Jan 2017". MetaLine is the same line as HTML.
func Joined(parts ...string) string {
	ps := make([]Part, len(parts))
	for i, p := range parts {
		ps[i] = Word(p)
	}
	kept := keptParts(ps)
	texts := make([]string, len(kept))
	for i, p := range kept {
		texts[i] = p.Text
	}
	return strings.Join(texts, MetaSep)
}

// MetaSep separates the parts of a meta line.
const MetaSep = " · "

// Part is one part of a meta line (MetaLine): interface words, or user
// text (an outlet, a locator) that is isolated for direction.
type Part struct {
	Text string
	// User marks user text, shown in <bdi>.
	User bool
}

// Word is a part of a meta line in the interface's words (a kind of
// source, a date).
func Word(s string) Part { return Part{Text: s} }

// User is a part of a meta line that is user text (an outlet, a
// locator), isolated for direction when shown.
func User(s string) Part { return Part{Text: s, User: true} }

// MetaLine writes the parts of a meta line that are not empty, separated
// by " · " (see Joined), as HTML: user text isolated in <bdi>, every part
// escaped.
func MetaLine(parts ...Part) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		for i, p := range keptParts(parts) {
			if i > 0 {
				b.WriteString(MetaSep)
			}
			if p.User {
				b.WriteString("<bdi>" + templ.EscapeString(p.Text) + "</bdi>")
			} else {
				b.WriteString(templ.EscapeString(p.Text))
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// keptParts are the parts that are not empty, trimmed.
func keptParts(parts []Part) []Part {
	kept := make([]Part, 0, len(parts))
	for _, p := range parts {
		if p.Text = strings.TrimSpace(p.Text); p.Text != "" {
			kept = append(kept, p)
		}
	}
	return kept
}

// URLHost is the host of an absolute URL as people read it, without a
// leading "www.": "judiciary.senate.gov". A URL without a host is given
// back as it is.
func URLHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return raw
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// AppearanceLabel names an appearance for people: where the claim
// appeared, or, when that is not given, the host of its address.
func AppearanceLabel(a models.Appearance) string {
	if a.Where != "" {
		return a.Where
	}
	return URLHost(a.URL)
}

// IDText is an id as a form's value carries it: its decimal digits.
func IDText(id uint) string { return strconv.FormatUint(uint64(id), 10) }
