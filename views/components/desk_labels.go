package components

import (
	"context"

	"claimtracker/models"
	"claimtracker/views"
)

// ClaimStatusLabel names a claim's status for people in ctx's language,
// the desk's models.ClaimSentBack included (models.ClaimStatus.Label).
func ClaimStatusLabel(ctx context.Context, s models.ClaimStatus) string {
	return views.ReasonText(ctx, s.Label())
}

// VerdictStatusLabel names a verdict's status for people in ctx's language.
func VerdictStatusLabel(ctx context.Context, s models.VerdictStatus) string {
	switch s {
	case models.VerdictInReview:
		return views.T(ctx, "desk.verdict_status.in_review")
	case models.VerdictChangesRequested:
		return views.T(ctx, "desk.verdict_status.changes_requested")
	case models.VerdictPublished:
		return views.T(ctx, "desk.verdict_status.published")
	case models.VerdictSuperseded:
		return views.T(ctx, "desk.verdict_status.superseded")
	}
	return string(s)
}

// UpdateStatusLabel names where an update of a published fact-check stands,
// from its status and that of the verdict that carries its review (nil
// before it is submitted), in ctx's language: a submitted update whose
// verdict was sent back is "Sent back", any other as its status
// (models.UpdateStatus.Label).
func UpdateStatusLabel(ctx context.Context, u *models.ClaimUpdate, v *models.Verdict) string {
	if u.Status == models.UpdateSubmitted && v != nil && v.Status == models.VerdictChangesRequested {
		return views.ReasonText(ctx, models.UpdateSentBackLabel)
	}
	return views.ReasonText(ctx, u.Status.Label())
}

// DecisionLabel names a reviewer's decision in ctx's language.
func DecisionLabel(ctx context.Context, d models.Decision) string {
	switch d {
	case models.DecisionApprove:
		return views.T(ctx, "desk.decision.approve")
	case models.DecisionRequestChanges:
		return views.T(ctx, "desk.decision.request_changes")
	}
	return string(d)
}

// YesNo names a yes-or-no value, such as a tick box's, in ctx's language:
// "Yes" or "No".
func YesNo(ctx context.Context, b bool) string {
	if b {
		return views.T(ctx, "desk.yes")
	}
	return views.T(ctx, "desk.no")
}

// RoleLabel names an account's role in ctx's language.
func RoleLabel(ctx context.Context, role string) string {
	switch models.Role(role) {
	case models.RoleEditor:
		return views.T(ctx, "desk.role.editor")
	case models.RoleReviewer:
		return views.T(ctx, "desk.role.reviewer")
	case models.RoleAdmin:
		return views.T(ctx, "desk.role.admin")
	}
	return role
}

// SpeakerKindLabel names a kind of speaker, as the desk's select offers it,
// in ctx's language.
func SpeakerKindLabel(ctx context.Context, k models.PersonKind) string {
	switch k {
	case models.KindPerson:
		return views.T(ctx, "desk.speaker_kind.person")
	case models.KindOrganization:
		return views.T(ctx, "desk.speaker_kind.organization")
	}
	return string(k)
}

// SpeakerKindOptions are the kinds of speaker, for a select.
func SpeakerKindOptions(ctx context.Context) []Option {
	return []Option{
		{string(models.KindPerson), SpeakerKindLabel(ctx, models.KindPerson)},
		{string(models.KindOrganization), SpeakerKindLabel(ctx, models.KindOrganization)},
	}
}

// LinkStatusLabel names what the link checker found at a source's address,
// in ctx's language: "Live", "Gone"…
func LinkStatusLabel(ctx context.Context, s models.LinkStatus) string {
	switch s {
	case models.LinkLive:
		return views.T(ctx, "desk.link_status.live")
	case models.LinkChanged:
		return views.T(ctx, "desk.link_status.changed")
	case models.LinkMoved:
		return views.T(ctx, "desk.link_status.moved")
	case models.LinkGone:
		return views.T(ctx, "desk.link_status.gone")
	case models.LinkUnreachable:
		return views.T(ctx, "desk.link_status.unreachable")
	}
	return views.T(ctx, "desk.link_status.unchecked")
}
