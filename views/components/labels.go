package components

import (
	"context"
	"strconv"
	"time"

	"claimtracker/models"
	"claimtracker/views"
)

// ClaimStatusLabel names a claim's status for people, the desk's
// models.ClaimSentBack included.
func ClaimStatusLabel(s models.ClaimStatus) string {
	switch s {
	case models.ClaimDraft:
		return "Draft"
	case models.ClaimSentBack:
		return "Sent back"
	case models.ClaimInReview:
		return "In review"
	case models.ClaimPublished:
		return "Published"
	case models.ClaimRetracted:
		return "Retracted"
	}
	return string(s)
}

// VerdictStatusLabel names a verdict's status for people.
func VerdictStatusLabel(s models.VerdictStatus) string {
	switch s {
	case models.VerdictInReview:
		return "In review"
	case models.VerdictChangesRequested:
		return "Changes requested"
	case models.VerdictPublished:
		return "Published"
	case models.VerdictSuperseded:
		return "Superseded"
	}
	return string(s)
}

// SourceKindLabel names a kind of source for people.
func SourceKindLabel(k models.SourceKind) string {
	switch k {
	case models.SourceTranscript:
		return "Transcript"
	case models.SourceOfficialRecord:
		return "Official record"
	case models.SourceNewsReport:
		return "News report"
	case models.SourceStatement:
		return "Statement"
	case models.SourceSocialPost:
		return "Social post"
	case models.SourceDataset:
		return "Dataset"
	case models.SourceOther:
		return "Other"
	}
	return string(k)
}

// StanceLabel names a source's stance for people.
func StanceLabel(s models.Stance) string {
	switch s {
	case models.StanceSupports:
		return "Supports"
	case models.StanceContradicts:
		return "Contradicts"
	case models.StanceContext:
		return "Context"
	}
	return string(s)
}

// CorrectionKindLabel names a kind of correction for people.
func CorrectionKindLabel(k models.CorrectionKind) string {
	switch k {
	case models.CorrectionClarification:
		return "Clarification"
	case models.CorrectionCorrection:
		return "Correction"
	case models.CorrectionRatingChange:
		return "Rating change"
	case models.CorrectionRetraction:
		return "Retraction"
	}
	return string(k)
}

// SourceKindOptions are the kinds of source, for a select.
func SourceKindOptions() []Option {
	out := make([]Option, 0, len(models.SourceKinds))
	for _, k := range models.SourceKinds {
		out = append(out, Option{string(k), SourceKindLabel(k)})
	}
	return out
}

// StanceOptions are the stances a source may take, for a select.
func StanceOptions() []Option {
	out := make([]Option, 0, len(models.Stances))
	for _, s := range models.Stances {
		out = append(out, Option{string(s), StanceLabel(s)})
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
// as "10 Jan 2017", or "" for none. Calendar dates have no time and no
// zone (the store keeps them as midnight UTC): they are never converted.
func Day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

// When writes the day on which the moment t happened (a publication,
// retraction, correction or change) in the newsroom's time zone, which
// views.WithZone put in ctx, as "10 Jan 2017", or "" for none.
func When(ctx context.Context, t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.In(views.Zone(ctx)).Format("2 Jan 2006")
}

// Moment writes a point in time in the newsroom's time zone, which
// views.WithZone put in ctx, with the zone's abbreviation, such as
// "2 Mar 2017, 14:05 UTC" or "2 Mar 2017, 23:05 JST".
func Moment(ctx context.Context, t time.Time) string {
	return t.In(views.Zone(ctx)).Format("2 Jan 2006, 15:04 MST")
}

// ISODay writes the day on which the moment t happened in the newsroom's
// time zone as YYYY-MM-DD, for the datetime attribute of <time>.
func ISODay(ctx context.Context, t time.Time) string {
	return views.DateIn(t, views.Zone(ctx))
}

// ClaimPath is the desk page of a claim.
func ClaimPath(id uint) string { return "/desk/claims/" + strconv.FormatUint(uint64(id), 10) }

// ArticlePath is the desk page of an article.
func ArticlePath(id uint) string { return "/desk/articles/" + strconv.FormatUint(uint64(id), 10) }

// SourcePath is the address of a source's edit actions.
func SourcePath(id uint) string { return "/desk/sources/" + strconv.FormatUint(uint64(id), 10) }

// VerdictPath is the address of a verdict's actions.
func VerdictPath(id uint) string { return "/desk/verdicts/" + strconv.FormatUint(uint64(id), 10) }
