package handlers

import (
	"context"
	"strconv"
	"time"

	"claimtracker/models"
	"claimtracker/views"
)

// triageFields are the form fields of a claim's assignee, due day and
// priority, in the claim form and the claim page's assignment form.
var triageFields = []string{"assignee_id", "due_on", "priority"}

// formTriage reads the triage fields of f into patch fields: the assignee
// ("" for nobody, else an account's id; anything else is a field error in
// f), the due day and the priority, which the store checks.
func formTriage(f views.Form, why func(models.Reason) string) (assignee *uint, due *string, priority *models.Priority) {
	id := uint(0)
	if s := f.Get("assignee_id"); s != "" {
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil || n == 0 {
			f.Errors["assignee_id"] = why(models.ReasonAssignee)
		}
		id = uint(n)
	}
	return &id, new(f.Get("due_on")), new(models.Priority(f.Get("priority")))
}

// today is the newsroom's calendar day now, by the store's clock.
func (h *Handler) today(ctx context.Context) time.Time {
	return views.DayOf(h.store.Now(), views.Zone(ctx))
}

// colleaguesFor are the accounts the claim cl may be assigned to, with
// its assignee now when that account was disabled since, so that its
// forms keep the assignee rather than drop it unseen.
func (h *Handler) colleaguesFor(ctx context.Context, cl *models.Claim) ([]models.Colleague, error) {
	list, err := h.store.Colleagues(ctx)
	if err != nil {
		return nil, err
	}
	if a := cl.Assignee; a != nil && !a.Active() {
		list = append(list, models.Colleague{ID: a.ID, Name: a.Name, Email: a.Email, Role: a.Role, Handle: models.MentionHandle(a.Email)})
	}
	return list, nil
}
