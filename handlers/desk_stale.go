package handlers

import (
	"context"
	"strconv"
	"time"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// Every desk form that edits an object carries, in a hidden field, the
// revision of the object it was made from (a verdict's version). The store
// refuses a save from an older revision; the form then comes back (409)
// with the user's input, a note, what is saved now beside what was typed,
// and the hidden field at the current revision, so that saving again
// replaces the saved version on purpose.

// formRevision reads the hidden revision field name of a desk form: a
// whole number from 1. The desk always sends it; a form without it, or
// with something else in it, is refused (422 naming the field) before
// anything is saved.
func formRevision(f views.Form, name string) (int, error) {
	v := f.Get(name)
	if v == "" {
		why := models.NewReason("reasons.form_revision_required", "is required: the revision the form was made from")
		if name == "version" {
			why = models.NewReason("reasons.form_version_required", "is required: the version the form was made from")
		}
		return 0, models.Invalid(name, why)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, models.Invalid(name, models.ReasonNumberFrom(1))
	}
	return n, nil
}

// staleField is one field of a form as the comparison shows it.
type staleField struct {
	name, label string
	// show turns a value into the words the form shows for it (a choice's
	// label); nil shows the value as it is.
	show func(string) string
}

// staleForm marks f as refused because the object it edits is now at
// revision current (counted by counter: "revision" or "version") and the
// form was made from sent: f keeps the user's input, gets lead as its
// note and a comparison of each of fields, saved (the values the object
// holds now, named as the form names them) beside typed, and its hidden
// field counter now holds current.
func staleForm(f *views.Form, lead, what, counter string, sent, current int, fields []staleField, saved map[string]string) *views.Stale {
	st := &views.Stale{What: what, Counter: counter, Sent: sent, Current: current}
	for _, fd := range fields {
		show := fd.show
		if show == nil {
			show = func(v string) string { return v }
		}
		st.Rows = append(st.Rows, views.StaleRow{Label: fd.label, Saved: show(saved[fd.name]), Typed: show(f.Get(fd.name))})
	}
	f.Values[counter] = strconv.Itoa(current)
	f.Error = lead
	f.Stale = st
	return st
}

// lastSaved says who made the latest event q finds, and when; "" and the
// zero time when there is none.
func (h *Handler) lastSaved(ctx context.Context, q models.AuditQuery) (string, time.Time, error) {
	q.Limit = 1
	events, err := h.store.AuditEvents(ctx, q)
	if err != nil || len(events) == 0 {
		return "", time.Time{}, err
	}
	return events[0].Actor, events[0].At, nil
}

// yesNo names a tick box's value ("true" when ticked) in ctx's language,
// for a staleField's show.
func yesNo(ctx context.Context) func(string) string {
	return func(v string) string { return components.YesNo(ctx, v == "true") }
}
