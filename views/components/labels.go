package components

import (
	"context"
	"net/url"
	"strconv"
	"strings"
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
	case models.CorrectionUpdate:
		return "Update"
	}
	return string(k)
}

// UpdateStatusLabel names where an update of a published fact-check stands,
// from its status and that of the verdict that carries its review (nil
// before it is submitted).
func UpdateStatusLabel(u *models.ClaimUpdate, v *models.Verdict) string {
	switch u.Status {
	case models.UpdateDraft:
		return "Draft"
	case models.UpdateSubmitted:
		if v != nil && v.Status == models.VerdictChangesRequested {
			return "Sent back"
		}
		return "In review"
	case models.UpdatePublished:
		return "Published"
	case models.UpdateWithdrawn:
		return "Withdrawn"
	}
	return string(u.Status)
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

// SpeakerKindOptions are the kinds of speaker, for a select.
func SpeakerKindOptions() []Option {
	return []Option{{string(models.KindPerson), "A person"}, {string(models.KindOrganization), "An organisation"}}
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

// Moment writes a point in time in the newsroom's time zone, which
// views.WithZone put in ctx, with the zone's abbreviation, such as
// "2 Mar 2017, 14:05 UTC" or "2 Mar 2017, 23:05 JST".
func Moment(ctx context.Context, t time.Time) string {
	return views.DateTime(ctx, t)
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
// "Transcript · 10 Jan 2017".
func Joined(parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
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
