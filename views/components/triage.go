package components

import (
	"context"
	"strconv"
	"time"

	"claimtracker/models"
	"claimtracker/views"
)

// PriorityLabel names a claim's priority in ctx's language.
func PriorityLabel(ctx context.Context, p models.Priority) string {
	return views.ReasonText(ctx, p.Label())
}

// PriorityOptions are the priorities as the desk's select offers them,
// least urgent first.
func PriorityOptions(ctx context.Context) []Option {
	out := make([]Option, 0, len(models.Priorities))
	for _, p := range models.Priorities {
		out = append(out, Option{Value: string(p), Label: PriorityLabel(ctx, p)})
	}
	return out
}

// AssigneeOptions are the colleagues a claim may be assigned to, by name
// with their role, as the desk's select offers them.
func AssigneeOptions(ctx context.Context, colleagues []models.Colleague) []Option {
	out := make([]Option, 0, len(colleagues))
	for _, c := range colleagues {
		out = append(out, Option{Value: strconv.FormatUint(uint64(c.ID), 10), Label: views.T(ctx, "desk.triage.colleague", "Name", c.Name, "Role", RoleLabel(ctx, string(c.Role)))})
	}
	return out
}

// DueText says when a claim due on day due is due, seen on the
// newsroom's calendar day today: "Due today", "Due tomorrow", "Due 12 Mar
// 2026", or "Overdue since 1 Mar 2026"; "" without a due day.
func DueText(ctx context.Context, due *time.Time, today time.Time) string {
	switch {
	case due == nil:
		return ""
	case models.Overdue(due, today):
		return views.T(ctx, "desk.triage.overdue_since", "Date", Day(ctx, due))
	case due.Equal(today):
		return views.T(ctx, "desk.triage.due_today")
	case due.Equal(today.AddDate(0, 0, 1)):
		return views.T(ctx, "desk.triage.due_tomorrow")
	}
	return views.T(ctx, "desk.triage.due_on", "Date", Day(ctx, due))
}

// dueClass is the class of a due day's words: overdue, due soon (see
// models.DueSoon), or neither.
func dueClass(due *time.Time, today time.Time) string {
	switch {
	case models.Overdue(due, today):
		return "due overdue"
	case models.DueSoon(due, today):
		return "due soon"
	}
	return "due"
}

// AssigneeName is the name of the account a claim is assigned to, or
// words that say it is nobody's, in ctx's language.
func AssigneeName(ctx context.Context, c *models.Claim) string {
	if c.Assignee != nil {
		return c.Assignee.Name
	}
	if c.AssigneeID != nil {
		return views.T(ctx, "desk.former_account")
	}
	return views.T(ctx, "desk.triage.nobody")
}
