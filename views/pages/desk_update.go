package pages

import (
	"context"
	"slices"
	"strconv"

	"claimtracker/models"
	"claimtracker/views"
)

// UpdateDesk is everything the page of an update of a published
// fact-check shows: the claim as published (in ClaimDesk), the update,
// what it changes, and its form.
type UpdateDesk struct {
	ClaimDesk
	Update  *models.ClaimUpdate
	Changes []models.UpdateChange
	People  []models.Person
	// Form is the update's form, with what was typed and its errors when
	// a save was refused.
	Form views.Form
	// SourceRows is how many sources the form shows: those the update
	// lists (or the refused form held), and one blank to add a source.
	SourceRows int
	// AppearanceRows is how many appearance rows the form shows, and
	// LoggedFrom the article the claim was logged from, or nil (its
	// appearance stays).
	AppearanceRows int
	LoggedFrom     *models.Article
}

// AppearanceForm is the update form's appearance rows, as the claim form
// shows them.
func (d UpdateDesk) AppearanceForm() ClaimForm {
	return ClaimForm{Form: d.Form, Claim: d.Claim, LoggedFrom: d.LoggedFrom, AppearanceRows: d.AppearanceRows}
}

// Verdict is the verdict that carries the update's review, or nil before
// the update is submitted.
func (d UpdateDesk) Verdict() *models.Verdict {
	if d.Update.VerdictID == nil {
		return nil
	}
	for i := range d.Claim.Verdicts {
		if d.Claim.Verdicts[i].ID == *d.Update.VerdictID {
			return &d.Claim.Verdicts[i]
		}
	}
	return nil
}

// ReviewRefusal says, in ctx's language, why u may not review the
// update's verdict v now, or "" when u may: whoever saved the update
// wrote it.
func (d UpdateDesk) ReviewRefusal(ctx context.Context, v *models.Verdict, u *models.User) string {
	if u != nil && slices.Contains(d.Update.Editors, u.ID) && !IsAuthor(v, u) {
		return views.T(ctx, "desk.review.refusal.update_editor")
	}
	return ReviewRefusal(ctx, v, u)
}

// Editable reports whether u may change the update now: it is open, and u
// is its author or an admin.
func (d UpdateDesk) Editable(u *models.User) bool {
	if u == nil || !d.Update.Status.IsOpen() {
		return false
	}
	return d.Update.AuthorID != nil && *d.Update.AuthorID == u.ID || u.Can(models.RoleAdmin)
}

// SourceRow names the controls of source row i ("sources[2].", as the
// store names their errors) and their ids ("src-2-").
func SourceRow(i int) (name, id string) {
	return models.UpdateSourceField(i, ""), "src-" + strconv.Itoa(i) + "-"
}

// RowIsPublished reports whether source row i of the form edits a
// published source (rather than adding one).
func (d UpdateDesk) RowIsPublished(i int) bool {
	name, _ := SourceRow(i)
	return d.Form.Get(name+"source_id") != "" && d.Form.Get(name+"source_id") != "0"
}

// Rows lists the indexes of the form's source rows.
func (d UpdateDesk) Rows() []int {
	out := make([]int, d.SourceRows)
	for i := range out {
		out[i] = i
	}
	return out
}

// ChangeRows are the update's changes as the change list shows them, the
// fields named in ctx's language.
func (d UpdateDesk) ChangeRows(ctx context.Context) []Change {
	out := make([]Change, 0, len(d.Changes))
	for _, ch := range d.Changes {
		out = append(out, Change{Field: updateFieldLabel(ctx, ch.Field), Before: ch.Before, After: ch.After, Edited: ch.Before != "" && ch.After != ""})
	}
	return out
}

// updateFieldLabel names, in ctx's language, a field of
// models.UpdateChanges, which names them in English (as the JSON API
// gives them); a field it does not know is shown as it is.
func updateFieldLabel(ctx context.Context, field string) string {
	switch field {
	case "The words, verbatim":
		return views.T(ctx, "desk.field.text")
	case "Summary":
		return views.T(ctx, "desk.field.summary")
	case "Speaker":
		return views.T(ctx, "desk.field.speaker")
	case "Said on":
		return views.T(ctx, "desk.field.said_on")
	case "Setting":
		return views.T(ctx, "desk.field.setting")
	case "Tags":
		return views.T(ctx, "desk.field.tags")
	case "Appearances":
		return views.T(ctx, "desk.field.appearances_short")
	case "Source removed":
		return views.T(ctx, "desk.update.change.source_removed")
	case "Source changed":
		return views.T(ctx, "desk.update.change.source_changed")
	case "Source added":
		return views.T(ctx, "desk.update.change.source_added")
	case "Rating":
		return views.T(ctx, "desk.field.rating")
	case "Headline":
		return views.T(ctx, "desk.field.headline")
	case "Explanation":
		return views.T(ctx, "desk.field.explanation")
	}
	return field
}
