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
